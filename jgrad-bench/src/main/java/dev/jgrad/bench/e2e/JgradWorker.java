package dev.jgrad.bench.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM's main: runs {@link JgradBenchmarks} with this JVM's {@code -Djgrad.threads} and prints the
 * results as one JSON line after {@link #RESULT_PREFIX} on stdout (progress goes to stderr).
 *
 * <p>Arguments: {@code SCALE SEED [DATA_DIR]}.
 */
public final class JgradWorker {

    static final String RESULT_PREFIX = "JGRAD-BENCH-RESULT ";

    private JgradWorker() {
    }

    public static void main(String[] args) {
        Scale scale = Scale.valueOf(args[0]);
        long seed = Long.parseLong(args[1]);
        Path dataDir = args.length > 2 ? Path.of(args[2]) : null;
        Map<String, Object> result = measure(scale, seed, dataDir);
        System.out.println(RESULT_PREFIX + Json.write(result));
        System.out.flush();
    }

    /** Loads the data and runs every jgrad benchmark in this JVM. */
    static Map<String, Object> measure(Scale scale, long seed, Path dataDir) {
        BenchData data = BenchData.load(dataDir, Math.max(scale.trainSamples, scale.bigBatch), seed);
        return new JgradBenchmarks(scale, seed, data, System.err).runAll();
    }
}
