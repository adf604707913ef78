package dev.jgrad.data.csv;

import java.util.Objects;

/**
 * How to read a CSV file. Start from {@link #defaults()} and change what you need with the {@code with...}
 * methods.
 *
 * @param delimiter      field separator, or null to detect among {@code ,}, {@code ;} and tab (comma when unsure)
 * @param header         whether the first row is a header, or null to detect: it is a header when one of its
 *                       fields is not a number while the same field of the next row is (or there is no next row)
 * @param labelIndex     0-based label column, negative counts from the end ({@code -1}, the default, is the last);
 *                       ignored when {@code labelName} is set
 * @param labelName      header name of the label column (exact match first, then case-insensitive), or null
 * @param labelKind      classification / regression / decide from the values
 * @param maxAutoClasses with {@link LabelKind#AUTO}, integer labels with at most this many distinct values are
 *                       classes
 */
public record CsvOptions(Character delimiter, Boolean header, int labelIndex, String labelName, LabelKind labelKind,
        int maxAutoClasses) {

    /** Default for {@link #maxAutoClasses()}: integer labels with up to 20 distinct values are classes. */
    public static final int DEFAULT_MAX_AUTO_CLASSES = 20;

    public CsvOptions {
        Objects.requireNonNull(labelKind, "labelKind");
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
            throw new IllegalArgumentException("CsvOptions: delimiter cannot be " + describe(delimiter));
        }
        if (maxAutoClasses < 2) {
            throw new IllegalArgumentException("CsvOptions: maxAutoClasses must be >= 2, got " + maxAutoClasses);
        }
    }

    /** Detected delimiter and header, last column is the label, label kind decided from the values. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, -1, null, LabelKind.AUTO, DEFAULT_MAX_AUTO_CLASSES);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(d, header, labelIndex, labelName, labelKind, maxAutoClasses);
    }

    public CsvOptions withHeader(boolean h) {
        return new CsvOptions(delimiter, h, labelIndex, labelName, labelKind, maxAutoClasses);
    }

    /** Label column by 0-based index; negative counts from the end. */
    public CsvOptions withLabelColumn(int index) {
        return new CsvOptions(delimiter, header, index, null, labelKind, maxAutoClasses);
    }

    /** Label column by header name; implies a header row. */
    public CsvOptions withLabelColumn(String name) {
        return new CsvOptions(delimiter, header, labelIndex, Objects.requireNonNull(name, "name"), labelKind,
                maxAutoClasses);
    }

    public CsvOptions withLabelKind(LabelKind kind) {
        return new CsvOptions(delimiter, header, labelIndex, labelName, kind, maxAutoClasses);
    }

    public CsvOptions withMaxAutoClasses(int max) {
        return new CsvOptions(delimiter, header, labelIndex, labelName, labelKind, max);
    }

    static String describe(char c) {
        return switch (c) {
            case '\t' -> "tab";
            case '\n' -> "newline";
            case '\r' -> "carriage return";
            case '"' -> "'\"'";
            default -> "'" + c + "'";
        };
    }
}
