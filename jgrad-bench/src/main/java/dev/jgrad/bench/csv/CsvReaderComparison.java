package dev.jgrad.bench.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@link CsvCorpus} through jgrad's reader, FastCSV and Commons CSV and prints a Markdown table: what each
 * returned (records as {@code line:[field|field]}, or the error), and whether the libraries agree with jgrad.
 * {@code java -cp jgrad-bench/target/benchmarks.jar dev.jgrad.bench.csv.CsvReaderComparison}
 */
public final class CsvReaderComparison {

    private CsvReaderComparison() {
    }

    public static void main(String[] args) {
        System.out.println("| case | input | " + CsvReaders.JGRAD.label + " | " + CsvReaders.FASTCSV.label + " | "
                + CsvReaders.COMMONS.label + " |");
        System.out.println("|---|---|---|---|---|");
        int[] differ = new int[CsvReaders.values().length];
        for (CsvCorpus.Case c : CsvCorpus.CASES) {
            byte[] bytes = c.text().getBytes(StandardCharsets.UTF_8);
            List<String> cells = new ArrayList<>();
            for (CsvReaders r : CsvReaders.values()) {
                cells.add(outcome(r, bytes));
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
            System.out.println(CsvReaders.values()[i].label + ": " + differ[i] + " of " + CsvCorpus.CASES.size()
                    + " cases give other records than jgrad (an error where jgrad gives one counts as agreeing)");
        }
    }

    private static String outcome(CsvReaders reader, byte[] bytes) {
        try {
            StringBuilder sb = new StringBuilder();
            for (CsvReaders.Rec rec : reader.read(bytes)) {
                sb.append(sb.length() == 0 ? "" : " ").append(rec.line()).append(":[");
                sb.append(visible(String.join("|", rec.fields()))).append(']');
            }
            return sb.length() == 0 ? "(no records)" : sb.toString();
        } catch (Exception e) {
            return "error: " + visible(String.valueOf(e.getMessage()));
        }
    }

    private static String visible(String s) {
        return s.replace("\uFEFF", "<BOM>").replace("\r", "\\r").replace("\n", "\\n").replace("`", "'");
    }
}
