package dev.jgrad.bench.e2e;

import java.nio.file.Path;
import java.util.Map;

/**
 * The child JVM's main: runs {@link JgradBenchmarks} with this JVM's {@code -Djgrad.threads} and prints the
 * results as one JSON line after {@link #RESULT_PREFIX} on stdout (progress goes to stderr).
 *
 * <p>Arguments: {@code SCALE SEED [DATA_DIR]} for the whole jgrad side, or {@code trainer-rows SCALE SEED [DATA_DIR]}
 * for the Trainer rows only ({@link ThreadScaling}'s alternating JVMs).
 */
public final class JgradWorker {

    static final String RESULT_PREFIX = "JGRAD-BENCH-RESULT ";

    private JgradWorker() {
    }

    static final String TRAINER_ROWS = "trainer-rows";

    public static void main(String[] args) {
        boolean trainerRows = args[0].equals(TRAINER_ROWS);
        int a = trainerRows ? 1 : 0;
        Scale scale = Scale.valueOf(args[a]);
        long seed = Long.parseLong(args[a + 1]);
        Path dataDir = args.length > a + 2 ? Path.of(args[a + 2]) : null;
        Map<String, Object> result = trainerRows ? trainerRows(scale, seed, dataDir) : measure(scale, seed, dataDir);
        System.out.println(RESULT_PREFIX + Json.write(result));
        System.out.flush();
    }

    /** Loads the data and runs every jgrad benchmark in this JVM. */
    static Map<String, Object> measure(Scale scale, long seed, Path dataDir) {
        BenchData data = BenchData.load(dataDir, Math.max(scale.trainSamples, scale.bigBatch), seed);
        return new JgradBenchmarks(scale, seed, data, System.err).runAll();
    }

    /** Loads the training rows and runs only the Trainer rows in this JVM. */
    static Map<String, Object> trainerRows(Scale scale, long seed, Path dataDir) {
        BenchData data = BenchData.load(dataDir, scale.trainSamples, seed);
        return new JgradBenchmarks(scale, seed, data, System.err).runTrainerRows();
    }
}
