package dev.jgrad.bench.csv;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.csv.CsvTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV tokenizer jgrad had until FastCSV replaced it (jgrad-data's {@code CsvTokenizer} at commit a73d3e2),
 * kept here only as the baseline the benchmarks measure the replacement against. Not used by jgrad.
 */
final class OwnCsvTokenizer {

    private OwnCsvTokenizer() {
    }

    /** Reads {@code path} (UTF-8, BOM dropped) the way jgrad's reader did: a header row, then the rows. */
    static CsvTable table(Path path, char delimiter) throws IOException {
        String text = Files.readString(path, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<CsvTable.Row> records = tokenize(text, delimiter, path);
        List<String> header = new ArrayList<>();
        for (String f : records.get(0).fields()) {
            header.add(f.trim());
        }
        return new CsvTable(path, delimiter, records.get(0).line(), header, records.subList(1, records.size()));
    }

    static List<CsvTable.Row> tokenize(String text, char delimiter, Path file) {
        List<CsvTable.Row> records = new ArrayList<>();
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
                            + "' after the closing quote; expected " + "'" + delimiter + "'"
                            + " or the end of the line");
                }
                lineHasContent = true;
                continue;
            }
            if (atEnd || c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                if (lineHasContent || fields.size() > 1 || !fields.get(0).isBlank()) {
                    records.add(new CsvTable.Row(recordLine, fields));
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
}
