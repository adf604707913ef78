package dev.jgrad.bench.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link CsvCorpus} through jgrad's reader, FastCSV and Commons CSV and prints a Markdown table: what each
 * returned (records as {@code line:[field|field]}, or the error), and whether the libraries agree with jgrad.
 * From the repository root: {@code java -cp jgrad-bench/target/benchmarks.jar dev.jgrad.bench.csv.CsvReaderComparison
 * [corpus.json]}
 */
public final class CsvReaderComparison {

    private CsvReaderComparison() {
    }

    public static void main(String[] args) throws java.io.IOException {
        List<CsvCorpus.Case> cases = CsvCorpus.read(args.length > 0 ? java.nio.file.Path.of(args[0]) : CsvCorpus.FILE);
        StringBuilder head = new StringBuilder("| case | input");
        StringBuilder rule = new StringBuilder("|---|---");
        for (CsvReaders r : CsvReaders.values()) {
            head.append(" | ").append(r.label);
            rule.append("|---");
        }
        System.out.println(head.append(" |"));
        System.out.println(rule.append("|"));
        int[] differ = new int[CsvReaders.values().length];
        for (CsvCorpus.Case c : cases) {
            byte[] bytes = c.text().getBytes(StandardCharsets.UTF_8);
            List<String> cells = new ArrayList<>();
            for (CsvReaders r : CsvReaders.values()) {
                cells.add(outcome(r, bytes, c.delimiter()));
            }
            StringBuilder row = new StringBuilder("| " + c.name() + " | `" + visible(c.text()) + "` | " + cells.get(0));
            for (int i = 1; i < cells.size(); i++) {
                boolean same = cells.get(i).equals(cells.get(0));
                boolean bothErrors = cells.get(i).startsWith("error") && cells.get(0).startsWith("error");
                if (!same && !bothErrors) {
                    differ[i]++;
                }
                row.append(" | ").append(same ? "same" : bothErrors ? "error too: " + cells.get(i).substring(7)
                        : "**" + cells.get(i) + "**");
            }
            System.out.println(row.append(" |"));
        }
        System.out.println();
        for (int i = 1; i < differ.length; i++) {
            System.out.println(CsvReaders.values()[i].label + ": " + differ[i] + " of " + cases.size()
                    + " cases give other records than jgrad (an error where jgrad gives one counts as agreeing)");
        }
    }

    private static String outcome(CsvReaders reader, byte[] bytes, char delimiter) {
        try {
            StringBuilder sb = new StringBuilder();
            for (CsvReaders.Rec rec : reader.read(bytes, delimiter)) {
                sb.append(sb.length() == 0 ? "" : " ").append(rec.line()).append(":[");
                sb.append(visible(String.join("|", rec.fields()))).append(']');
            }
            return sb.length() == 0 ? "(no records)" : sb.toString();
        } catch (Exception e) {
            return "error: " + visible(String.valueOf(e.getMessage()));
        }
    }

    private static String visible(String s) {
        return s.replace("\uFEFF", "<BOM>").replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
                .replace("`", "'");
    }
}
