package dev.jgrad.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 4180 corpus ({@code rfc4180-corpus.tsv}: quoted delimiters, doubled quotes, CRLF/LF/CR, quoted newlines,
 * BOM, empty fields, blank lines, ragged rows, unclosed quotes, ...) read by {@link CsvReader#table}: the records
 * and line numbers, or the one-line error, each case gives. The expectations are what jgrad's own tokenizer gave
 * before FastCSV replaced it, so the switch changed nothing a user sees.
 */
class CsvCorpusTest {

    static List<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = CsvCorpusTest.class.getResourceAsStream("rfc4180-corpus.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                cases.add(Arguments.of(c[1], unescape(c[0]).charAt(0), unescape(c[2]), c[3]));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCaseGivesItsRecordsOrItsError(String name, char delimiter, String text, String expected) {
        assertThat(outcome(text, delimiter)).isEqualTo(expected);
    }

    /** Records as {@code line:[field|field]} separated by spaces, or {@code error: <message>}. */
    static String outcome(String text, char delimiter) {
        try {
            CsvTable t = CsvReader.table(text, Path.of("case.csv"),
                    CsvOptions.defaults().withDelimiter(delimiter).withHeader(false));
            StringBuilder sb = new StringBuilder();
            for (CsvTable.Row r : t.rows()) {
                sb.append(sb.length() == 0 ? "" : " ").append(r.line()).append(":[")
                        .append(escape(String.join("|", r.fields()))).append(']');
            }
            return sb.toString();
        } catch (DataFormatException e) {
            return "error: " + e.getMessage();
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\uFEFF", "\\uFEFF").replace("\r", "\\r").replace("\n", "\\n")
                .replace("\t", "\\t");
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e + " in " + s);
            }
        }
        return sb.toString();
    }
}
