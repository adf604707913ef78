package dev.jgrad.bench.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RFC 4180 cases, read from jgrad-data's {@code rfc4180-corpus.tsv} (the file {@code CsvCorpusTest} checks
 * jgrad's reader on), so the comparison and the test run the same cases.
 */
final class CsvCorpus {

    /** Relative to the repository root, where the benchmarks are run from. */
    static final Path FILE = Path.of("jgrad-data/src/test/resources/dev/jgrad/data/csv/rfc4180-corpus.tsv");

    record Case(char delimiter, String name, String text) {
    }

    private CsvCorpus() {
    }

    static List<Case> read(Path file) throws IOException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            cases.add(new Case(unescape(c[0]).charAt(0), c[1], unescape(c[2])));
        }
        return cases;
    }

    private static String unescape(String s) {
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
