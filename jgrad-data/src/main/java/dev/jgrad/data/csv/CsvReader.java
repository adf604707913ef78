package dev.jgrad.data.csv;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV file (UTF-8, optional BOM) into a {@link Dataset}: every column but the label is a numeric feature;
 * the label column becomes class indices or regression targets (see {@link LabelKind}).
 *
 * <p>Class order is deterministic: numeric labels sorted by value (so -1/+1 become classes 0/1 and 1..3 become
 * 0..2), text labels sorted by {@link String#compareTo}. Feature names come from the header, or are {@code x1..xd}.
 */
public final class CsvReader {

    /** Plain decimal numbers only: no hex, no "1f"/"1d" suffixes, no NaN or Infinity (Double.parseDouble allows those). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvReader() {
    }

    /** Reads {@code file} with {@link CsvOptions#defaults()}. */
    public static Dataset read(Path file) throws IOException {
        return read(file, CsvOptions.defaults());
    }

    /** Reads {@code file} (UTF-8). */
    public static Dataset read(Path file, CsvOptions options) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file, options);
    }

    /**
     * Parses CSV text (e.g. an upload); {@code source} names it in error messages.
     */
    public static Dataset parse(String text, Path source, CsvOptions options) {
        return toDataset(table(text, source, options), options);
    }

    /**
     * Reads {@code file} (UTF-8) into fields only: delimiter and header as {@code options} say or as detected;
     * the label options are not used. See {@link CsvTable}.
     */
    public static CsvTable readTable(Path file, CsvOptions options) throws IOException {
        return table(Files.readString(file, StandardCharsets.UTF_8), file, options);
    }

    /** As {@link #readTable(Path, CsvOptions)} for text already in memory. */
    public static CsvTable table(String text, Path source, CsvOptions options) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw DataFormatException.inFile(source, "the file is empty; expected rows of numbers");
        }
        char delimiter = options.delimiter() != null ? options.delimiter() : CsvTokenizer.detectDelimiter(text);
        List<CsvRecord> records = CsvTokenizer.tokenize(text, delimiter, source);
        CsvRecord first = records.get(0);
        boolean header = options.header() != null ? options.header()
                : options.labelName() != null || looksLikeHeader(first, records.size() > 1 ? records.get(1) : null);
        if (header && records.size() == 1) {
            throw DataFormatException.atLine(source, first.line(), "the header is not followed by any data row");
        }
        return CsvTable.of(source, delimiter, header, records);
    }

    /** The 0-based label column {@code options} choose in {@code table}. */
    public static int labelColumn(CsvTable table, CsvOptions options) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < table.columns(); j++) {
            names.add(table.columnName(j));
        }
        return labelColumn(options, names, table.hasHeader(), table.firstLine(), table.source(), names.size());
    }

    /** Turns a table into a dataset: every column but the label is a numeric feature (see the class comment). */
    public static Dataset toDataset(CsvTable table, CsvOptions options) {
        Path source = table.source();
        char delimiter = table.delimiter();
        boolean header = table.hasHeader();
        int columns = table.columns();
        long firstLine = table.firstLine();
        String origin = header ? "as in the header on line " + firstLine : "as on line " + firstLine;
        List<String> names = new ArrayList<>(columns);
        for (int j = 0; j < columns; j++) {
            names.add(table.columnName(j));
        }
        int labelColumn = labelColumn(options, names, header, firstLine, source, columns);
        if (columns < 2) {
            throw DataFormatException.atLine(source, firstLine, "found 1 column (delimiter "
                    + CsvOptions.describe(delimiter) + "); expected at least one feature column and the label column");
        }
        int rows = table.rows().size();
        int d = columns - 1;
        float[] features = new float[rows * d];
        String[] labelText = new String[rows];
        long[] labelLine = new long[rows];
        for (int r = 0; r < rows; r++) {
            CsvTable.Row rec = table.rows().get(r);
            if (rec.fields().size() != columns) {
                throw DataFormatException.atLine(source, rec.line(), "expected " + columns + " fields (" + origin
                        + ", delimiter " + CsvOptions.describe(delimiter) + ") but found " + rec.fields().size());
            }
            int k = r * d;
            for (int j = 0; j < columns; j++) {
                if (j == labelColumn) {
                    labelText[r] = rec.fields().get(j).trim();
                    labelLine[r] = rec.line();
                    if (labelText[r].isEmpty()) {
                        throw DataFormatException.atField(source, rec.line(), j + 1,
                                "label column '" + names.get(j) + "' is empty");
                    }
                    continue;
                }
                features[k++] = number(rec.fields().get(j), source, rec.line(), j, names.get(j));
            }
        }
        List<String> featureNames = new ArrayList<>(names);
        featureNames.remove(labelColumn);
        String labelName = names.get(labelColumn);
        return labels(features, d, labelText, labelLine, options, source, labelColumn, labelName)
                .withFeatureNames(featureNames);
    }

    private static boolean looksLikeHeader(CsvRecord first, CsvRecord second) {
        for (int j = 0; j < first.size(); j++) {
            if (!isNumber(first.field(j))) {
                if (second == null || (j < second.size() && isNumber(second.field(j)))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int labelColumn(CsvOptions options, List<String> names, boolean header, long firstLine,
            Path source, int columns) {
        if (options.labelName() != null) {
            String wanted = options.labelName().trim();
            if (!header) {
                throw DataFormatException.atLine(source, firstLine, "label column '" + wanted
                        + "' was asked for by name but the file is read without a header");
            }
            int exact = names.indexOf(wanted);
            if (exact >= 0) {
                return exact;
            }
            for (int j = 0; j < names.size(); j++) {
                if (names.get(j).equalsIgnoreCase(wanted)) {
                    return j;
                }
            }
            throw DataFormatException.atLine(source, firstLine, "no column named '" + wanted
                    + "'; the header has: " + String.join(", ", names));
        }
        int index = options.labelIndex() < 0 ? columns + options.labelIndex() : options.labelIndex();
        if (index < 0 || index >= columns) {
            throw DataFormatException.atLine(source, firstLine, "label column index " + options.labelIndex()
                    + " is outside the " + columns + " columns (0.." + (columns - 1) + ", or -1 for the last)");
        }
        return index;
    }

    static float number(String raw, Path source, long line, int column, String name) {
        String t = raw.trim();
        if (!isNumber(t)) {
            String found = t.isEmpty() ? "an empty field (missing values are not supported)"
                    : "'" + (t.length() > 40 ? t.substring(0, 40) + "...'" : t + "'");
            throw DataFormatException.atField(source, line, column + 1,
                    "column '" + name + "': expected a number but found " + found);
        }
        float v = (float) Double.parseDouble(t);
        if (Float.isInfinite(v)) {
            throw DataFormatException.atField(source, line, column + 1,
                    "column '" + name + "': " + t + " is outside the float range");
        }
        return v;
    }

    static boolean isNumber(String s) {
        return NUMBER.matcher(s.trim()).matches();
    }

    private static Dataset labels(float[] features, int d, String[] text, long[] lines, CsvOptions options,
            Path source, int labelColumn, String labelName) {
        int rows = text.length;
        boolean allNumeric = true;
        for (String t : text) {
            allNumeric &= isNumber(t);
        }
        LabelKind kind = options.labelKind();
        if (kind == LabelKind.REGRESSION || (kind == LabelKind.AUTO && allNumeric && !fewIntegers(text, options))) {
            float[] targets = new float[rows];
            for (int r = 0; r < rows; r++) {
                targets[r] = number(text[r], source, lines[r], labelColumn, labelName);
            }
            return Dataset.regression(features, d, targets);
        }
        int[] labels = new int[rows];
        List<String> classNames = new ArrayList<>();
        if (allNumeric) {
            // Numeric classes in value order; "1" and "1.0" are the same class.
            TreeMap<BigDecimal, Integer> order = new TreeMap<>();
            for (String t : text) {
                order.put(new BigDecimal(t).stripTrailingZeros(), 0);
            }
            int next = 0;
            for (Map.Entry<BigDecimal, Integer> e : order.entrySet()) {
                e.setValue(next++);
                classNames.add(e.getKey().toPlainString());
            }
            for (int r = 0; r < rows; r++) {
                labels[r] = order.get(new BigDecimal(text[r]).stripTrailingZeros());
            }
        } else {
            Map<String, Integer> index = new HashMap<>();
            for (String name : new TreeSet<>(List.of(text))) {
                index.put(name, classNames.size());
                classNames.add(name);
            }
            for (int r = 0; r < rows; r++) {
                labels[r] = index.get(text[r]);
            }
        }
        return Dataset.classification(features, d, labels, classNames);
    }

    /** All labels are integers with at most maxAutoClasses distinct values. */
    private static boolean fewIntegers(String[] text, CsvOptions options) {
        TreeSet<BigDecimal> distinct = new TreeSet<>();
        for (String t : text) {
            BigDecimal v = new BigDecimal(t).stripTrailingZeros();
            if (v.scale() > 0) {
                return false;
            }
            distinct.add(v);
            if (distinct.size() > options.maxAutoClasses()) {
                return false;
            }
        }
        return true;
    }
}
