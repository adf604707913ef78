package dev.jgrad.cli.data;

import dev.jgrad.data.DataFormatException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rows to predict from a CSV file: each row has the model's {@code d} features, optionally followed by a label
 * (shown next to the prediction). A first row that is not numeric is a header. Delimiter: comma, semicolon or tab,
 * whichever splits the first line. Unlike the training reader no label column is required.
 */
public final class FeatureRows {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** One row: its 1-based line, its features, and its label text or null. */
    public record Row(long line, float[] features, String label) {
    }

    private FeatureRows() {
    }

    public static List<Row> read(Path file, int d) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Row> rows = new ArrayList<>();
        String delimiter = null;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            if (delimiter == null) {
                delimiter = line.contains(",") ? "," : line.contains(";") ? ";" : line.contains("\t") ? "\t" : ",";
            }
            String[] fields = line.split(Pattern.quote(delimiter), -1);
            if (first) {
                first = false;
                if (!NUMBER.matcher(fields[0].trim()).matches()) {
                    continue; // a header
                }
            }
            if (fields.length != d && fields.length != d + 1) {
                throw DataFormatException.atLine(file, i + 1, "expected " + d + " fields (the model's inputs), or "
                        + (d + 1) + " with a label last, but found " + fields.length);
            }
            float[] x = new float[d];
            for (int j = 0; j < d; j++) {
                String t = fields[j].trim().replace("\"", "");
                if (!NUMBER.matcher(t).matches()) {
                    throw DataFormatException.atField(file, i + 1, j + 1, "expected a number but found "
                            + (t.isEmpty() ? "an empty field" : "'" + t + "'"));
                }
                x[j] = Float.parseFloat(t);
            }
            rows.add(new Row(i + 1, x, fields.length == d + 1 ? fields[d].trim().replace("\"", "") : null));
        }
        if (rows.isEmpty()) {
            throw DataFormatException.inFile(file, "no data rows; expected rows of " + d + " numbers");
        }
        return rows;
    }
}
