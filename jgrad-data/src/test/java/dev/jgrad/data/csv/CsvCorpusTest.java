package dev.jgrad.data.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.data.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The RFC 4180 corpus ({@code rfc4180-corpus.json}: quoted delimiters, doubled quotes, CRLF/LF/CR, quoted newlines,
 * BOM, empty fields, blank lines, ragged rows, unclosed quotes, ...) read by {@link CsvReader#table}: the records
 * and line numbers, or the one-line error, each case gives. The expectations are what jgrad's own tokenizer gave
 * before FastCSV replaced it, so the switch changed nothing a user sees.
 */
class CsvCorpusTest {

    static List<Arguments> corpus() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = CsvCorpusTest.class.getResourceAsStream("rfc4180-corpus.json")) {
            for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
                cases.add(Arguments.of(c.get("case").asText(), c.get("delimiter").asText().charAt(0),
                        c.get("text").asText(), c.get("expected").asText()));
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
}
