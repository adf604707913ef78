package dev.jgrad.playground.data;

import dev.jgrad.playground.state.Limits;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** CSV of 2D points: {@code x1,x2,label} per line, an optional header line, '#' comments. */
public final class PointsCsv {
    private PointsCsv() {}

    /**
     * Parses points; coordinates outside [-6, 6] are an error rather than silently clipped.
     *
     * @throws IllegalArgumentException naming the line
     */
    public static List<List<Double>> parse(String text) {
        List<List<Double>> out = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cols = line.split("[,;\t]");
            if (cols.length < 3 || cols.length > 4)
                throw new IllegalArgumentException("CSV line " + (i + 1) + ": expected columns x1,x2,label[,split], got " + cols.length);
            double[] v = new double[3];
            try {
                for (int c = 0; c < 3; c++) v[c] = Double.parseDouble(cols[c].strip());
            } catch (NumberFormatException e) {
                if (out.isEmpty() && i == firstContentLine(lines)) continue; // a header
                throw new IllegalArgumentException("CSV line " + (i + 1) + ": not a number in '" + line + "'");
            }
            for (double d : v) if (!Double.isFinite(d)) throw new IllegalArgumentException("CSV line " + (i + 1) + ": non-finite value");
            if (Math.abs(v[0]) > Limits.DOMAIN || Math.abs(v[1]) > Limits.DOMAIN)
                throw new IllegalArgumentException("CSV line " + (i + 1) + ": x1 and x2 must lie in [-6, 6]");
            out.add(List.of(v[0], v[1], v[2]));
            if (out.size() > Limits.MAX_CUSTOM_POINTS)
                throw new IllegalArgumentException("CSV: at most " + Limits.MAX_CUSTOM_POINTS + " points");
        }
        if (out.size() < 2) throw new IllegalArgumentException("CSV: need at least 2 points, got " + out.size());
        return out;
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (!l.isEmpty() && !l.startsWith("#")) return i;
        }
        return -1;
    }

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
