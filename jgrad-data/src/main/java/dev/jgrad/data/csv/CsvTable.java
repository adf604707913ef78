package dev.jgrad.data.csv;

import dev.jgrad.data.DataFormatException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file split into fields the one way jgrad reads CSV (delimiter detection, RFC 4180 quoting, header
 * detection, see {@link CsvReader}), before any column is given a meaning. Training turns it into a
 * {@link dev.jgrad.data.Dataset} with {@link CsvReader#toDataset}; prediction picks a model's columns from it by name.
 *
 * @param source    names the file in messages
 * @param delimiter the delimiter used
 * @param firstLine the 1-based line of the first record (the header, or the first row)
 * @param header    the header's names, trimmed; empty when the file has no header
 * @param rows      the data rows (the header excluded), fields unquoted but untrimmed
 */
public record CsvTable(Path source, char delimiter, long firstLine, List<String> header, List<Row> rows) {

    /** One data row: the 1-based line it starts on and its fields. */
    public record Row(long line, List<String> fields) {
        public Row {
            fields = List.copyOf(fields);
        }
    }

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public boolean hasHeader() {
        return !header.isEmpty();
    }

    /** The number of columns: the header's, or the first row's. */
    public int columns() {
        return hasHeader() ? header.size() : rows.isEmpty() ? 0 : rows.get(0).fields().size();
    }

    /** The column's header name, or {@code x1, x2, ...} without a header. */
    public String columnName(int column) {
        return hasHeader() ? header.get(column) : "x" + (column + 1);
    }

    /** The column named {@code name}: exact match first, then case-insensitive; -1 when there is none. */
    public int column(String name) {
        String wanted = name.trim();
        int exact = header.indexOf(wanted);
        if (exact >= 0) {
            return exact;
        }
        for (int j = 0; j < header.size(); j++) {
            if (header.get(j).equalsIgnoreCase(wanted)) {
                return j;
            }
        }
        return -1;
    }

    /**
     * The field as a number, parsed exactly as training parses features (plain decimals; no NaN, Infinity or hex).
     *
     * @throws DataFormatException naming the file, line, column and what was found
     */
    public float number(Row row, int column) {
        return CsvReader.number(row.fields().get(column), source, row.line(), column, columnName(column));
    }

    static CsvTable of(Path source, char delimiter, boolean header, List<CsvRecord> records) {
        List<String> names = new ArrayList<>();
        if (header) {
            for (String f : records.get(0).fields()) {
                names.add(f.trim());
            }
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (int i = header ? 1 : 0; i < records.size(); i++) {
            rows.add(new Row(records.get(i).line(), records.get(i).fields()));
        }
        return new CsvTable(source, delimiter, records.get(0).line(), names, rows);
    }
}
