package dev.jgrad.bench.csv;

import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;
import dev.jgrad.data.csv.CsvTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link CsvReadBenchmark}'s contenders interleaved in one JVM for a shared machine: each round reads the file once
 * with every tokenizer (the order rotates), timing the tokenizer ({@code CsvTable}) and jgrad's {@code toDataset}
 * after it separately, in wall time and in process CPU time (which counts GC and JIT threads but not other
 * people's processes). Prints the median, min and max of each.
 *
 * <p>{@code java -Xmx8g -Xms8g -cp jgrad-bench/target/benchmarks.jar dev.jgrad.bench.csv.CsvReadAB [rounds]
 * [floats,fashion] [jgrad,own,fastcsv,commons] [table]} (a last argument {@code table} skips {@code toDataset}).
 */
public final class CsvReadAB {


    private CsvReadAB() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] files = args.length > 1 ? args[1].split(",") : new String[] {"floats", "fashion"};
        String[] tokenizers = args.length > 2 ? args[2].split(",") : new String[] {"jgrad", "own", "fastcsv", "commons"};
        boolean convert = args.length <= 3 || !args[3].equals("table");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (String file : files) {
            Path path = CsvReadBenchmark.generate(file);
            CsvOptions options = CsvReadBenchmark.options(file);
            int n = tokenizers.length;
            double[][][] ms = new double[n][4][rounds]; // table wall, table cpu, dataset wall, dataset cpu
            for (int r = -1; r < rounds; r++) { // round -1 warms up
                for (int k = 0; k < n; k++) {
                    int t = (k + Math.max(r, 0)) % n;
                    System.gc();
                    long w0 = System.nanoTime();
                    long c0 = os.getProcessCpuTime();
                    CsvTable table = CsvReadBenchmark.table(tokenizers[t], path, options);
                    long w1 = System.nanoTime();
                    long c1 = os.getProcessCpuTime();
                    if (convert && CsvReader.toDataset(table, options).features().length == 0) {
                        throw new AssertionError();
                    }
                    long w2 = System.nanoTime();
                    long c2 = os.getProcessCpuTime();
                    if (r >= 0) {
                        ms[t][0][r] = (w1 - w0) / 1e6;
                        ms[t][1][r] = (c1 - c0) / 1e6;
                        ms[t][2][r] = (w2 - w1) / 1e6;
                        ms[t][3][r] = (c2 - c1) / 1e6;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s (%s, %d rounds; median [min-max] ms)%n", file, path, rounds);
            System.out.println("| tokenizer | table, wall | table, CPU | toDataset, wall | toDataset, CPU |");
            System.out.println("|---|---:|---:|---:|---:|");
            for (int t = 0; t < n; t++) {
                List<String> cells = new ArrayList<>();
                for (double[] v : ms[t]) {
                    double[] s = v.clone();
                    Arrays.sort(s);
                    cells.add(String.format(Locale.ROOT, "%.0f [%.0f-%.0f]", s[s.length / 2], s[0], s[s.length - 1]));
                }
                System.out.println("| " + tokenizers[t] + " | " + String.join(" | ", cells) + " |");
            }
            System.out.println();
        }
    }
}
