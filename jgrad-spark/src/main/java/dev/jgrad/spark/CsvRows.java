package dev.jgrad.spark;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;

import java.io.IOException;
import java.util.Arrays;

/**
 * A CSV file. CSV has no row count or class list up front, so the driver and each worker parse the file with
 * jgrad-data's reader (the same label mapping everywhere) and a worker keeps only its range; the rows still never
 * travel through the driver.
 */
record CsvRows(String file, String labelColumn) implements RowSource {

    private Dataset parse() throws IOException {
        CsvOptions options = CsvOptions.defaults();
        if (labelColumn != null) {
            String l = labelColumn.trim();
            options = l.matches("-?\\d+") ? options.withLabelColumn(Integer.parseInt(l)) : options.withLabelColumn(l);
        }
        return CsvReader.read(RowSource.existing(file, "CSV file"), options);
    }

    @Override
    public int rows() throws IOException {
        return parse().size();
    }

    @Override
    public int classes() throws IOException {
        return parse().numClasses();
    }

    @Override
    public LocalRows read(int from, int to) throws IOException {
        Dataset d = parse();
        int w = d.numFeatures();
        float[] x = Arrays.copyOfRange(d.features(), from * w, to * w);
        if (d.isRegression()) {
            return new LocalRows(x, w, null, Arrays.copyOfRange(d.targets(), from, to), 1);
        }
        return new LocalRows(x, w, Arrays.copyOfRange(d.labels(), from, to), null, 0);
    }

    @Override
    public String describe() {
        return file;
    }
}
