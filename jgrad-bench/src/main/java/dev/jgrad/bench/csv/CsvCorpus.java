package dev.jgrad.bench.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 4180 cases, read from jgrad-data's {@code rfc4180-corpus.json} (the file {@code CsvCorpusTest} checks
 * jgrad's reader on), so the comparison and the test run the same cases.
 */
final class CsvCorpus {

    /** Relative to the repository root, where the benchmarks are run from. */
    static final Path FILE = Path.of("jgrad-data/src/test/resources/dev/jgrad/data/csv/rfc4180-corpus.json");

    record Case(char delimiter, String name, String text) {
    }

    private CsvCorpus() {
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : new ObjectMapper().readTree(file.toFile()).get("cases")) {
            cases.add(new Case(c.get("delimiter").asText().charAt(0), c.get("case").asText(), c.get("text").asText()));
        }
        return cases;
    }
}
