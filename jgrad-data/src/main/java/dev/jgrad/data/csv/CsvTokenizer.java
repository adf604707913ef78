package dev.jgrad.data.csv;

import dev.jgrad.data.DataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records, RFC 4180 style: a field starting with {@code "} is quoted, may contain the
 * delimiter, newlines and {@code ""} for a quote. Lines end with LF, CRLF or CR. Blank lines are skipped (files
 * often end with one); line numbers still count them.
 */
final class CsvTokenizer {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SNIFF_LINES = 10;

    private CsvTokenizer() {
    }

    static List<CsvRecord> tokenize(String text, char delimiter, Path file) {
        List<CsvRecord> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        long line = 1;
        long recordLine = 1;
        int i = 0;
        int n = text.length();
        boolean lineHasContent = false;
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            boolean atEnd = i == n;
            if (c == '"' && field.toString().isBlank()) {
                // Quoted field (spaces before the quote are dropped): read to the closing quote.
                field.setLength(0);
                long quoteLine = line;
                int column = fields.size() + 1;
                i++;
                while (true) {
                    if (i >= n) {
                        throw DataFormatException.atField(file, quoteLine, column,
                                "quoted field is never closed (missing '\"')");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                // After the closing quote only spaces, the delimiter or the end of the line may follow.
                while (i < n && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && text.charAt(i) != delimiter && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    throw DataFormatException.atField(file, line, column, "unexpected '" + text.charAt(i)
                            + "' after the closing quote; expected " + CsvOptions.describe(delimiter)
                            + " or the end of the line");
                }
                lineHasContent = true;
                continue;
            }
            if (atEnd || c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                if (lineHasContent || fields.size() > 1 || !fields.get(0).isBlank()) {
                    records.add(new CsvRecord(recordLine, fields));
                }
                fields = new ArrayList<>();
                lineHasContent = false;
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                i++;
                line++;
                recordLine = line;
                continue;
            }
            if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                lineHasContent = true;
            } else {
                field.append(c);
            }
            i++;
        }
        return records;
    }

    /**
     * Picks the delimiter among comma, semicolon and tab: the one that occurs the same, non-zero number of times
     * (outside quotes) on each of the first lines, preferring more occurrences, then the order , ; tab. Without
     * a consistent one, the most frequent on the first line; comma when none occurs.
     */
    static char detectDelimiter(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r\n|\n|\r", SNIFF_LINES * 2 + 1)) {
            if (!l.isBlank()) {
                lines.add(l);
                if (lines.size() == SNIFF_LINES) {
                    break;
                }
            }
        }
        if (lines.isEmpty()) {
            return ',';
        }
        char best = 0;
        int bestCount = 0;
        for (char d : CANDIDATES) {
            int first = countOutsideQuotes(lines.get(0), d);
            boolean consistent = first > 0;
            for (String l : lines) {
                consistent &= countOutsideQuotes(l, d) == first;
            }
            if (consistent && first > bestCount) {
                best = d;
                bestCount = first;
            }
        }
        if (best != 0) {
            return best;
        }
        for (char d : CANDIDATES) {
            int count = countOutsideQuotes(lines.get(0), d);
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best == 0 ? ',' : best;
    }

    private static int countOutsideQuotes(String line, char d) {
        int count = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == d && !quoted) {
                count++;
            }
        }
        return count;
    }
}
