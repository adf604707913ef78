package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Training gives the same weights, bit for bit, on 1 and 2 threads and from run to run: the products are cut into
 * disjoint bands, the elementwise work and the optimizer into disjoint ranges, and nothing sums across threads. The
 * thread count is fixed per JVM, so each run is a child JVM ({@link ThreadCountTraining}) with the SIMD kernels, as
 * the launcher runs them.
 */
class ThreadCountReproducibilityTest {

    @Test
    void oneAndTwoThreadsTrainToTheSameBits() throws Exception {
        String one = run(1);
        String two = run(2);
        assertThat(one).startsWith("threads 1 kernels simd").contains("batch 1 ", "batch 300 ");
        assertThat(two).startsWith("threads 2 kernels simd");
        assertThat(body(two)).isEqualTo(body(one));
        assertThat(body(one)).doesNotContain("loss NaN");
        // Run to run: batch 32 trained twice in the same JVM (first and last line) ends with the same bits.
        String[] lines = body(two).strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).startsWith("batch 32 ").isEqualTo(lines[1]);
    }

    private static String body(String out) {
        return out.substring(out.indexOf('\n') + 1);
    }

    private static String run(int threads) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.add("-Djgrad.threads=" + threads);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ThreadCountTraining.class.getName());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("child JVM finished").isTrue();
        assertThat(p.exitValue()).as("child JVM exit code; output:\n%s", out).isZero();
        return out;
    }
}
