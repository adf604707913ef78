package dev.jgrad.bench.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to read a numeric CSV file the way jgrad reads training data, with each of the three tokenizers:
 * jgrad's own ({@code dev.jgrad.data.csv}), FastCSV and Commons CSV. Each tokenizer fills the same
 * {@link CsvTable}; {@code stage=dataset} then runs jgrad's one {@code CsvReader.toDataset} on it (number syntax,
 * label mapping) into float[] rows, so only the tokenizer differs.
 *
 * <p>Files, generated once per seed under {@code java.io.tmpdir}: {@code fashion} is Fashion-MNIST's shape as CSV
 * (a header, then 60,000 rows of a label 0..9 and 784 pixels 0..255, about half of them 0; 117 MB), {@code floats}
 * 200,000 rows of 10 floats with 5 decimals (the last the regression target; 20 MB).
 *
 * <p>The machine is shared, so run the contenders alternately in short rounds and take medians:
 * {@code for r in 1 2 3; do for t in jgrad fastcsv commons; do java -jar jgrad-bench/target/benchmarks.jar
 * CsvReadBenchmark -p tokenizer=$t; done; done}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
public class CsvReadBenchmark {

    static final long SEED = 20261203L;

    @Param({"fashion", "floats"})
    public String file;

    /** jgrad's reader (FastCSV inside), its former own tokenizer, FastCSV as it comes, Commons CSV. */
    @Param({"jgrad", "own", "fastcsv", "commons"})
    public String tokenizer;

    /** {@code table}: the file split into fields; {@code dataset}: then parsed into a Dataset's float[] rows. */
    @Param({"table", "dataset"})
    public String stage;

    private Path path;
    private CsvOptions options;

    @Setup
    public void setUp() throws IOException {
        path = generate(file);
        options = options(file);
    }

    @Benchmark
    public Object read() throws IOException {
        CsvTable table = table(tokenizer, path, options);
        if (stage.equals("table")) {
            return table;
        }
        Dataset d = dev.jgrad.data.csv.CsvReader.toDataset(table, options);
        return d.features();
    }

    /** Comma, a header, the label named {@code label} (fashion) or last (floats). */
    static CsvOptions options(String file) {
        CsvOptions o = CsvOptions.defaults().withDelimiter(',').withHeader(true);
        return file.equals("fashion") ? o.withLabelColumn("label") : o.withLabelColumn(-1);
    }

    /** The file split into fields by one of the three tokenizers. */
    static CsvTable table(String tokenizer, Path path, CsvOptions options) throws IOException {
        return switch (tokenizer) {
            case "jgrad" -> dev.jgrad.data.csv.CsvReader.readTable(path, options);
            case "own" -> OwnCsvTokenizer.table(path, ',');
            case "fastcsv" -> fastCsv(path);
            case "commons" -> commons(path);
            default -> throw new IllegalArgumentException(tokenizer);
        };
    }

    static CsvTable fastCsv(Path path) throws IOException {
        List<CsvTable.Row> rows = new ArrayList<>();
        List<String> header = null;
        long first = 0;
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> reader = CsvReaders.fastCsv().ofCsvRecord(path)) {
            for (de.siegmar.fastcsv.reader.CsvRecord r : reader) {
                if (header == null) {
                    header = trimmed(r.getFields());
                    first = r.getStartingLineNumber();
                } else {
                    rows.add(new CsvTable.Row(r.getStartingLineNumber(), r.getFields()));
                }
            }
        }
        return new CsvTable(path, ',', first, header, rows);
    }

    static CsvTable commons(Path path) throws IOException {
        List<CsvTable.Row> rows = new ArrayList<>();
        List<String> header = null;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setFormat(CsvReaders.commonsFormat()).setReader(in).get()) {
            for (CSVRecord r : parser) {
                if (header == null) {
                    header = trimmed(r.toList());
                } else {
                    // Commons CSV has no starting line; the record number is the line in these files.
                    rows.add(new CsvTable.Row(r.getRecordNumber(), r.toList()));
                }
            }
        }
        return new CsvTable(path, ',', 1, header, rows);
    }

    private static List<String> trimmed(List<String> names) {
        List<String> out = new ArrayList<>(names.size());
        for (String n : names) {
            out.add(n.trim());
        }
        return out;
    }

    /** Writes the file once (same seed, same bytes) and reuses it. */
    static Path generate(String kind) throws IOException {
        Path p = Path.of(System.getProperty("java.io.tmpdir"), "jgrad-csvbench-" + kind + "-" + SEED + ".csv");
        if (Files.isRegularFile(p)) {
            return p;
        }
        Path tmp = Files.createTempFile(p.getParent(), "jgrad-csvbench", ".tmp");
        Random rng = new Random(SEED);
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            if (kind.equals("fashion")) {
                w.write("label");
                for (int j = 1; j <= 784; j++) {
                    w.write(",pixel" + j);
                }
                w.write('\n');
                for (int r = 0; r < 60_000; r++) {
                    w.write(Integer.toString(rng.nextInt(10)));
                    for (int j = 0; j < 784; j++) {
                        w.write(',');
                        w.write(Integer.toString(rng.nextBoolean() ? 0 : 1 + rng.nextInt(255)));
                    }
                    w.write('\n');
                }
            } else if (kind.equals("floats")) {
                w.write("f1,f2,f3,f4,f5,f6,f7,f8,f9,target\n");
                for (int r = 0; r < 200_000; r++) {
                    for (int j = 0; j < 10; j++) {
                        w.write(String.format(Locale.ROOT, j == 0 ? "%.5f" : ",%.5f", rng.nextGaussian() * 3));
                    }
                    w.write('\n');
                }
            } else {
                throw new IllegalArgumentException("file must be fashion or floats, got " + kind);
            }
        }
        Files.move(tmp, p, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return p;
    }
}
