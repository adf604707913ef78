package dev.jgrad.cli.data;

import dev.jgrad.cli.InputException;
import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;
import dev.jgrad.data.csv.CsvTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows to predict from a CSV file, read by the same reader as training data ({@link CsvReader#readTable}: the
 * same delimiter and header detection, RFC 4180 quoting, the same number syntax). With a header, the model's
 * features are found by name, in any order, and its label column (if present) is shown next to the prediction;
 * other columns are ignored. Without a header (or for a model whose features have no names), columns are taken by
 * position: the model's {@code d} features, optionally followed by a label.
 */
public final class FeatureRows {

    /** One row: its 1-based line, its features, and its label text or null. */
    public record Row(long line, float[] features, String label) {
    }

    private FeatureRows() {
    }

    /**
     * @param d            the model's number of inputs
     * @param featureNames the model's feature names ({@code x1..xd} or empty when it was trained without a header)
     * @param labelColumn  the model's label column name, or null
     */
    public static List<Row> read(Path file, int d, List<String> featureNames, String labelColumn) throws IOException {
        CsvTable table = CsvReader.readTable(file, CsvOptions.defaults());
        int[] columns = new int[d];
        int label = -1;
        boolean byName = table.hasHeader() && featureNames.size() == d && !unnamed(featureNames);
        if (byName) {
            List<String> missing = new ArrayList<>();
            for (int j = 0; j < d; j++) {
                columns[j] = table.column(featureNames.get(j));
                if (columns[j] < 0) {
                    missing.add(featureNames.get(j));
                }
            }
            if (!missing.isEmpty()) {
                throw new InputException(file + ": the header has no column " + quoted(missing) + "; the model's "
                        + "features are " + quoted(featureNames) + " and the header has " + quoted(table.header()));
            }
            label = labelColumn == null ? -1 : table.column(labelColumn);
        }
        List<Row> rows = new ArrayList<>();
        for (CsvTable.Row r : table.rows()) {
            int n = r.fields().size();
            if (byName && n != table.columns()) {
                throw DataFormatException.atLine(file, r.line(), "expected " + table.columns() + " fields (as in the "
                        + "header on line " + table.firstLine() + ") but found " + n);
            }
            if (!byName) {
                if (n != d && n != d + 1) {
                    throw DataFormatException.atLine(file, r.line(), "expected " + d + " fields (the model's inputs), or "
                            + (d + 1) + " with a label last, but found " + n);
                }
                for (int j = 0; j < d; j++) {
                    columns[j] = j;
                }
                label = n == d + 1 ? d : -1;
            }
            float[] x = new float[d];
            for (int j = 0; j < d; j++) {
                x[j] = table.number(r, columns[j]);
            }
            rows.add(new Row(r.line(), x, label < 0 ? null : r.fields().get(label).trim()));
        }
        if (rows.isEmpty()) {
            throw DataFormatException.inFile(file, "no data rows; expected rows of " + d + " numbers");
        }
        return rows;
    }

    /** Names a model got because its training file had no header: x1, x2, ... in order. */
    private static boolean unnamed(List<String> names) {
        for (int j = 0; j < names.size(); j++) {
            if (!names.get(j).equals("x" + (j + 1))) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(List<String> names) {
        return "'" + String.join("', '", names) + "'";
    }
}
