package dev.jgrad.bench.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The three readers, each configured as jgrad needs CSV read (comma, no header, blank lines skipped, ragged rows
 * passed on so jgrad can name the line), turning a file's bytes into records or an error text.
 */
enum CsvReaders {

    JGRAD("jgrad (CsvReader.table)") {
        @Override
        List<Rec> read(byte[] file, char delimiter) {
            String text = new String(file, StandardCharsets.UTF_8);
            CsvTable t = dev.jgrad.data.csv.CsvReader.table(text, Path.of("case.csv"),
                    CsvOptions.defaults().withDelimiter(delimiter).withHeader(false));
            List<Rec> out = new ArrayList<>();
            for (CsvTable.Row r : t.rows()) {
                out.add(new Rec(r.line(), r.fields()));
            }
            return out;
        }
    },
    OWN("former own tokenizer") {
        @Override
        List<Rec> read(byte[] file, char delimiter) {
            String text = new String(file, StandardCharsets.UTF_8);
            text = text.startsWith("\uFEFF") ? text.substring(1) : text;
            List<Rec> out = new ArrayList<>();
            for (CsvTable.Row r : OwnCsvTokenizer.tokenize(text, delimiter, Path.of("case.csv"))) {
                out.add(new Rec(r.line(), r.fields()));
            }
            return out;
        }
    },
    FASTCSV("FastCSV 4.4.0") {
        @Override
        List<Rec> read(byte[] file, char delimiter) throws IOException {
            List<Rec> out = new ArrayList<>();
            try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = fastCsv().fieldSeparator(delimiter)
                    .ofCsvRecord(new ByteArrayInputStream(file), StandardCharsets.UTF_8)) {
                for (de.siegmar.fastcsv.reader.CsvRecord r : reader) {
                    out.add(new Rec(r.getStartingLineNumber(), r.getFields()));
                }
            }
            return out;
        }
    },
    COMMONS("Commons CSV 1.14.1") {
        @Override
        List<Rec> read(byte[] file, char delimiter) throws IOException {
            List<Rec> out = new ArrayList<>();
            String text = new String(file, StandardCharsets.UTF_8);
            try (CSVParser parser = CSVParser.builder().setFormat(commonsFormat().builder().setDelimiter(delimiter).get())
                    .setReader(new InputStreamReader(new ByteArrayInputStream(file), StandardCharsets.UTF_8)).get()) {
                for (CSVRecord r : parser) {
                    // Commons CSV gives the record's character position; the line is counted from it.
                    out.add(new Rec(lineAt(text, r.getCharacterPosition()), r.toList()));
                }
            }
            return out;
        }
    };

    /** One record: the 1-based line it starts on and its fields. */
    record Rec(long line, List<String> fields) {
    }

    final String label;

    CsvReaders(String label) {
        this.label = label;
    }

    abstract List<Rec> read(byte[] file, char delimiter) throws IOException;

    /**
     * FastCSV as jgrad would use it: an unclosed quote is an error, spaces around a quoted field are dropped, a BOM
     * is detected, blank lines are skipped, ragged rows are left to the caller.
     */
    static CsvReader.CsvReaderBuilder fastCsv() {
        return CsvReader.builder().fieldSeparator(',').skipEmptyLines(true).detectBomHeader(true)
                .allowUnclosedQuote(false).trimWhitespacesAroundQuotes(true)
                .allowExtraFields(true).allowMissingFields(true);
    }

    /** RFC 4180 with empty lines skipped (Commons' RFC4180 keeps them). */
    static CSVFormat commonsFormat() {
        return CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    }

    private static long lineAt(String text, long position) {
        long line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
