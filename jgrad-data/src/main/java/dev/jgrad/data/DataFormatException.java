package dev.jgrad.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad content in a data file: the file, where in it (1-based line and column for text, byte offset for binary)
 * and a one-line message for the user.
 *
 * <p>It is unchecked on purpose: a malformed file is a user error that callers report, not recover from, and
 * readers are used inside lambdas and streams. Real I/O failures (missing file, permissions) stay
 * {@link java.io.IOException}s on the readers' signatures, so the two can be told apart.
 *
 * <p>{@link #getMessage()} reads e.g. {@code data/iris.csv: line 7, column 3: expected a number but found 'abc'} or
 * {@code train-images-idx3-ubyte.gz: byte offset 4016: data ended early; expected 47040016 bytes}.
 */
public class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final int column;
    private final long offset;
    private final String detail;

    private DataFormatException(String file, long line, int column, long offset, String detail, Throwable cause) {
        super(format(file, line, column, offset, oneLine(detail)), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.offset = offset;
        this.detail = oneLine(Objects.requireNonNull(detail, "detail"));
    }

    /** A problem with the file as a whole (empty, no data rows, ...). */
    public static DataFormatException inFile(Path file, String detail) {
        return new DataFormatException(String.valueOf(file), -1, -1, -1, detail, null);
    }

    /** A problem on a 1-based line of a text file. */
    public static DataFormatException atLine(Path file, long line, String detail) {
        return new DataFormatException(String.valueOf(file), line, -1, -1, detail, null);
    }

    /** A problem in one field: 1-based line and 1-based column. */
    public static DataFormatException atField(Path file, long line, int column, String detail) {
        return new DataFormatException(String.valueOf(file), line, column, -1, detail, null);
    }

    /** A problem at a 0-based byte offset of a binary file (of its decompressed content for a .gz). */
    public static DataFormatException atOffset(Path file, long offset, String detail) {
        return new DataFormatException(String.valueOf(file), -1, -1, offset, detail, null);
    }

    /** As {@link #atOffset(Path, long, String)} for a file named by a URI or another non-local name. */
    public static DataFormatException atOffset(String source, long offset, String detail) {
        return new DataFormatException(source, -1, -1, offset, detail, null);
    }

    /** As {@link #atOffset(String, long, String)}, keeping the low-level cause. */
    public static DataFormatException atOffset(String source, long offset, String detail, Throwable cause) {
        return new DataFormatException(source, -1, -1, offset, detail, cause);
    }

    /** As {@link #atOffset(Path, long, String)}, keeping the low-level cause (e.g. a ZipException). */
    public static DataFormatException atOffset(Path file, long offset, String detail, Throwable cause) {
        return new DataFormatException(String.valueOf(file), -1, -1, offset, detail, cause);
    }

    /** Values quoted from a file may hold line breaks (a quoted CSV field); the message stays one line. */
    private static String oneLine(String detail) {
        return detail.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String format(String file, long line, int column, long offset, String detail) {
        StringBuilder sb = new StringBuilder(file);
        if (line >= 0) {
            sb.append(": line ").append(line);
            if (column >= 0) {
                sb.append(", column ").append(column);
            }
        } else if (offset >= 0) {
            sb.append(": byte offset ").append(offset);
        }
        return sb.append(": ").append(detail).toString();
    }

    /** The file as the caller named it. */
    public String file() {
        return file;
    }

    /** 1-based line, or -1 when not a text position. */
    public long line() {
        return line;
    }

    /** 1-based column (field), or -1. */
    public int column() {
        return column;
    }

    /** 0-based byte offset, or -1 when not a binary position. */
    public long offset() {
        return offset;
    }

    /** The message without file and position. */
    public String detail() {
        return detail;
    }
}
