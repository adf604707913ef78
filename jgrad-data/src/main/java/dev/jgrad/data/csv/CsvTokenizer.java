package dev.jgrad.data.csv;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.RecordType;
import dev.jgrad.data.DataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits CSV text into records, RFC 4180 style, with FastCSV: a field starting with {@code "} is quoted, may
 * contain the delimiter, newlines and {@code ""} for a quote; spaces around a quoted field are dropped. Lines end
 * with LF, CRLF or CR. Blank lines (also lines of only spaces) are skipped; line numbers still count them. A quote
 * left open, or text after a closing quote, is a {@link DataFormatException} naming the line and column.
 *
 * <p>This is the only place jgrad tokenizes CSV; FastCSV replaced jgrad's own tokenizer after both were run on the
 * same corpus and timed (docs/reliability.md, "One CSV reader").
 */
final class CsvTokenizer {

    private static final char[] CANDIDATES = {',', ';', '\t'};
    private static final int SNIFF_LINES = 10;
    private static final Pattern AFTER_QUOTE = Pattern.compile("^Unexpected character after closing quote: '(.)'");
    private static final Pattern WHERE = Pattern.compile("\\s*\\(record starting at line \\d+\\)\\s*$");

    private CsvTokenizer() {
    }

    static List<CsvRecord> tokenize(String text, char delimiter, Path file) {
        Records handler = new Records();
        List<CsvRecord> records = new ArrayList<>();
        CsvReader<Records> reader = CsvReader.builder().fieldSeparator(delimiter).skipEmptyLines(true)
                .allowUnclosedQuote(false).trimWhitespacesAroundQuotes(true)
                .allowExtraFields(true).allowMissingFields(true) // ragged rows: the caller names the line
                .build(handler, text);
        try {
            for (Records r : reader) {
                if (r.data && (r.quoted || r.fields.size() > 1 || !r.fields.get(0).isBlank())) {
                    records.add(new CsvRecord(r.line, r.fields));
                }
            }
        } catch (CsvParseException e) {
            throw DataFormatException.atField(file, handler.line, handler.fields.size() + 1, problem(e, delimiter));
        }
        return records;
    }

    /** jgrad's wording for FastCSV's two quoting errors; any other keeps FastCSV's text without its position. */
    private static String problem(CsvParseException e, char delimiter) {
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("Unclosed quoted field")) {
            return "quoted field is never closed (missing '\"')";
        }
        Matcher after = AFTER_QUOTE.matcher(m);
        if (after.find()) {
            return "unexpected '" + after.group(1) + "' after the closing quote; expected "
                    + CsvOptions.describe(delimiter) + " or the end of the line";
        }
        return WHERE.matcher(m).replaceFirst("");
    }

    /**
     * FastCSV's callback: collects one record's fields, its first line and whether any field was quoted (a line
     * holding only {@code ""} is a record, a line of spaces is blank). It is its own record, and reuses its field
     * list: FastCSV asks for the record after its last field, and {@link CsvRecord} copies the fields before the
     * next record begins.
     */
    private static final class Records extends AbstractBaseCsvCallbackHandler<Records> {
        private final List<String> fields = new ArrayList<>();
        private long line = 1;
        private boolean quoted;
        private boolean data;

        @Override
        protected void handleBegin(long startingLineNumber) {
            fields.clear();
            line = startingLineNumber;
            quoted = false;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quotedField) {
            fields.add(new String(buf, offset, len));
            quoted |= quotedField;
        }

        @Override
        protected Records buildRecord() {
            data = getRecordType() == RecordType.DATA;
            return this;
        }
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
