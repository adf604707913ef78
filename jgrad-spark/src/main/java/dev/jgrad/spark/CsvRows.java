package dev.jgrad.spark;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A CSV file. CSV has no row count, row index or class list up front, so the driver and each worker parse the
 * whole file with jgrad-data's reader (the same label mapping everywhere); the rows still never travel through
 * the driver.
 */
record CsvRows(String file, String labelColumn) implements RowSource {

    Dataset parse(Map<String, String> hadoop) throws IOException {
        CsvOptions options = CsvOptions.defaults();
        if (labelColumn != null) {
            String l = labelColumn.trim();
            options = l.matches("-?\\d+") ? options.withLabelColumn(Integer.parseInt(l)) : options.withLabelColumn(l);
        }
        DataFile f = DataFile.open(file, "CSV file", hadoop);
        f.size();
        String text;
        try (InputStream in = f.open()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return CsvReader.parse(text, Path.of(file), options);
    }

    @Override
    public int rows(Map<String, String> hadoop) throws IOException {
        return parse(hadoop).size();
    }

    @Override
    public int classes(Map<String, String> hadoop) throws IOException {
        return parse(hadoop).numClasses();
    }

    @Override
    public RowBlock read(int[] rows, Map<String, String> hadoop) throws IOException {
        Dataset d = parse(hadoop);
        int[] all = IntStream.range(0, d.size()).toArray();
        if (d.isRegression()) {
            return new RowBlock(all, d.features(), d.numFeatures(), null, d.targets(), 1);
        }
        return new RowBlock(all, d.features(), d.numFeatures(), d.labels(), null, 0);
    }

    @Override
    public String describe() {
        return file;
    }
}
