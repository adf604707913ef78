package dev.jgrad.playground.data;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;
import dev.jgrad.data.csv.CsvTable;
import dev.jgrad.playground.state.Limits;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CSV of 2D points: {@code x1,x2,label} per row (a fourth {@code split} column is ignored), an optional header line,
 * '#' comment lines. Read by jgrad-data's CSV reader, so quoting, delimiters, header detection and number syntax are
 * those of {@code jgrad train}.
 */
public final class PointsCsv {
    private PointsCsv() {}

    private static final Path UPLOAD = Path.of("uploaded CSV");

    /**
     * Parses points; coordinates outside [-6, 6] are an error rather than silently clipped.
     *
     * @throws IllegalArgumentException naming the line
     */
    public static List<List<Double>> parse(String text) {
        // Comment lines become blank lines, which the reader skips while still counting them.
        String uncommented = COMMENT.matcher(text).replaceAll("");
        CsvTable table;
        try {
            table = CsvReader.table(uncommented, UPLOAD, CsvOptions.defaults());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("CSV: " + e.getMessage());
        }
        List<List<Double>> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int n = row.fields().size();
            if (n < 3 || n > 4)
                throw new IllegalArgumentException("CSV line " + row.line() + ": expected columns x1,x2,label[,split], got " + n);
            double[] v = new double[3];
            try {
                for (int c = 0; c < 3; c++) v[c] = table.number(row, c);
            } catch (DataFormatException e) {
                throw new IllegalArgumentException("CSV line " + row.line() + ": " + e.detail());
            }
            if (Math.abs(v[0]) > Limits.DOMAIN || Math.abs(v[1]) > Limits.DOMAIN)
                throw new IllegalArgumentException("CSV line " + row.line() + ": x1 and x2 must lie in [-6, 6]");
            out.add(List.of(v[0], v[1], v[2]));
            if (out.size() > Limits.MAX_CUSTOM_POINTS)
                throw new IllegalArgumentException("CSV: at most " + Limits.MAX_CUSTOM_POINTS + " points");
        }
        if (out.size() < 2) throw new IllegalArgumentException("CSV: need at least 2 points, got " + out.size());
        return out;
    }

    private static final Pattern COMMENT = Pattern.compile("(?m)^[ \\t]*#[^\\r\\n]*");

    /** Writes points with a {@code split} column (train/test) so the download says where each point went. */
    public static String format(DataSplit split) {
        StringBuilder sb = new StringBuilder("x1,x2,label,split\n");
        append(sb, split.train(), "train");
        append(sb, split.test(), "test");
        return sb.toString();
    }

    private static void append(StringBuilder sb, PointSet p, String tag) {
        for (int i = 0; i < p.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s%n", p.x1()[i], p.x2()[i],
                    p.regression() ? String.format(Locale.ROOT, "%.4f", p.label()[i]) : Integer.toString((int) p.label()[i]), tag));
        }
    }
}
