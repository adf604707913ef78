package dev.jgrad.cli;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import dev.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code jgrad train --spark-master local[2]} through the real launcher (Spark's jars as the build listed them in
 * jgrad-spark/target/spark-classpath.txt, jgrad from the test class path) against {@code jgrad train --shards 2}
 * in this JVM, on a CSV file with the default validation and test splits and scaled features: bit-identical
 * weights, and ordinary training with the same seed within float rounding of both.
 */
class SparkTrainingCliTest {

    @Test
    void sparkOnTwoWorkersGivesTheWeightsOfTwoShardsBitForBitAndOrdinaryTrainingsWithinRounding(@TempDir Path dir)
            throws Exception {
        assumeFalse(Boolean.getBoolean("jgrad.spark.skipTests"), "Spark tests skipped (-Djgrad.spark.skipTests=true)");
        Path launcher = Path.of("..", "jgrad").toAbsolutePath().normalize();
        Path sparkClasspath = Path.of("..", "jgrad-spark", "target", "spark-classpath.txt").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "the ./jgrad launcher is not at " + launcher);
        assumeTrue(Files.isRegularFile(sparkClasspath), "jgrad-spark has not listed the Spark jars at " + sparkClasspath);
        Path csv = dir.resolve("blobs.csv");
        StringBuilder sb = new StringBuilder("a,b,c,d,kind\n");
        Random rng = new Random(3);
        String[] kinds = {"round", "flat", "tall"};
        for (int r = 0; r < 400; r++) {
            int k = rng.nextInt(3);
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s%n", 10 + k + rng.nextGaussian(),
                    5 * k + 2 * rng.nextGaussian(), rng.nextGaussian(), 100 - 3 * k + 4 * rng.nextGaussian(), kinds[k]));
        }
        Files.writeString(csv, sb);
        List<String> common = List.of("train", "--data", csv.toString(), "--layers", "4,16,3", "--epochs", "4",
                "--batch-size", "25", "--seed", "7", "--progress", "none", "--lr", "0.01");

        Cli.Result sharded = run(args(common, "--shards", "2", "--out", dir.resolve("sharded.jgrad").toString()));
        assertThat(sharded.code()).as(sharded.toString()).isZero();
        Cli.Result plain = run(args(common, "--out", dir.resolve("plain.jgrad").toString()));
        assertThat(plain.code()).as(plain.toString()).isZero();

        ProcessBuilder pb = new ProcessBuilder(args(List.of(launcher.toString()),
                args(common, "--spark-master", "local[2]", "--out", dir.resolve("spark.jgrad").toString())));
        pb.environment().put("JGRAD_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path log = dir.resolve("spark.log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        boolean ended = p.waitFor(300, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        String sparkOut = Files.readString(log);
        assertThat(ended).as("spark run ended\n" + sparkOut).isTrue();
        assertThat(p.exitValue()).as(sparkOut).isZero();
        assertThat(sparkOut).contains("spark: local[2], 2 workers").contains("blobs.csv (csv, 4 features, 3 classes):"
                + " train 280, validation 40, test 80, features scaled (standardize)");

        float[] s = weights(dir.resolve("spark.jgrad"));
        float[] h = weights(dir.resolve("sharded.jgrad"));
        float[] o = weights(dir.resolve("plain.jgrad"));
        assertThat(s).containsExactly(h);
        for (int i = 0; i < o.length; i++) {
            assertThat(o[i]).as("weight %d", i).isCloseTo(h[i], within(1e-4f));
        }
        double sparkAcc = testAccuracy(dir.resolve("spark.jgrad"));
        assertThat(sparkAcc).isEqualTo(testAccuracy(dir.resolve("sharded.jgrad"))).isGreaterThan(0.8);
        assertThat(testAccuracy(dir.resolve("plain.jgrad"))).isCloseTo(sparkAcc, within(1.5 / 80));
    }

    private static List<String> args(List<String> a, String... more) {
        return args(a, List.of(more));
    }

    private static List<String> args(List<String> a, List<String> more) {
        List<String> all = new ArrayList<>(a);
        all.addAll(more);
        return all;
    }

    private static Cli.Result run(List<String> args) {
        return Cli.run(args.toArray(String[]::new));
    }

    private static float[] weights(Path model) throws Exception {
        SavedModel m = ModelFile.load(model);
        List<Float> all = new ArrayList<>();
        for (Parameter p : m.model().parameters()) {
            for (float v : p.toArray()) {
                all.add(v);
            }
        }
        float[] w = new float[all.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = all.get(i);
        }
        return w;
    }

    private static double testAccuracy(Path model) throws Exception {
        return ModelFile.load(model).card().number(ModelCard.METRICS, "test_accuracy").orElseThrow();
    }
}
