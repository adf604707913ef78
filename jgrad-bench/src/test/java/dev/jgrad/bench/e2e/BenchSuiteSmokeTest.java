package dev.jgrad.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite end to end at TINY scale, in this JVM, without the peer: the table and the JSON come out. No timings asserted. */
class BenchSuiteSmokeTest {

    @Test
    @SuppressWarnings("unchecked")
    void tinyInProcessRunPrintsTheTableAndSavesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        BenchOptions o = BenchOptions.parse("--tiny", "--no-peer", "--in-process", "--json", json.toString(),
                "--data", dir.resolve("no-such-dir").toString());
        o = o.withThreads(List.of(dev.jgrad.backend.GemmThreads.threads()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Map<String, Object> report = BenchSuite.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);

        assertThat(text).contains("MLP train, batch 128 (Trainer)", "alloc/step, autograd loop", "MLP train, GELU hidden");
        Map<String, Object> parsed = (Map<String, Object>) Json.parse(Files.readString(json));
        List<Object> results = (List<Object>) parsed.get("results");
        assertThat(results).hasSize(1);
        Map<String, Object> jgrad = (Map<String, Object>) ((Map<String, Object>) results.get(0)).get("jgrad");
        assertThat((String) jgrad.get("data")).startsWith("random");
        Map<String, Object> metrics = (Map<String, Object>) jgrad.get("metrics");
        for (MetricRow row : MetricRow.ALL) {
            assertThat(metrics).as(row.key()).containsKey(row.key());
            if (row.key().endsWith("_cpu") && metrics.get(row.key()) == null) {
                continue; // per CPU-second: unmeasurable (null) when the 10 ms process CPU clock did not tick
            }
            if (row.key().startsWith("step_overhead_") || row.key().equals("alloc_trainer_step")) {
                assertThat(metrics.get(row.key())).as(row.key()).isInstanceOf(Number.class);
                continue; // differences (of two timings; of two fits' allocation): at the tiny scale one-offs can win
            }
            assertThat(((Number) metrics.get(row.key())).doubleValue()).as(row.key()).isGreaterThanOrEqualTo(0);
        }
        assertThat(metrics.get("train_b128")).isNotNull(); // wall-clock rates are always measured
        Map<String, Object> peak = (Map<String, Object>) ((Map<String, Object>) jgrad.get("peak")).get("1");
        assertThat(((Number) peak.get("gflops")).doubleValue()).isPositive();
        assertThat(((Number) peak.get("lanes")).intValue()).isIn(4, 8, 16);
        assertThat(text).contains("FMA peak measured in the worker", "% pk");
        assertThat(report.get("results")).isNotNull();
    }

    @Test
    void optionsParseAndRejectUnknownWords() {
        BenchOptions o = BenchOptions.parse("--quick", "--threads", "1,2", "--json", "x.json", "--no-peer");
        assertThat(o.scale()).isEqualTo(Scale.QUICK);
        assertThat(o.threads()).containsExactly(1, 2);
        assertThat(o.peer()).isFalse();
        assertThat(o.scalingOnly()).isFalse();
        assertThat(BenchOptions.parse("--scaling-only", "--seed", "7").scalingOnly()).isTrue();
        assertThat(BenchOptions.parse("--scaling-only", "--seed", "7").withThreads(List.of(1, 4)).scalingOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.parse("--fast"))
                .hasMessageContaining("unknown option '--fast'");
    }

    @Test
    void workersTakeOverTheLaunchersCollectorAndAlignmentButNotItsArchiveOrHeapCap() {
        assertThat(BenchSuite.inheritedVmOptions(List.of("--add-modules=jdk.incubator.vector", "-XX:+UseSerialGC",
                "-Xmn32m", "-XX:ObjectAlignmentInBytes=64", "-XX:SharedArchiveFile=/x/jgrad-17.jsa", "-Xmx1g",
                "-Djgrad.threads=2", "-javaagent:/x/agent.jar")))
                .containsExactly("-XX:+UseSerialGC", "-Xmn32m", "-XX:ObjectAlignmentInBytes=64");
    }

    @Test
    void perCpuSecondIsNaNWhenTheCpuClockDidNotTick() {
        assertThat(JgradBenchmarks.perCpuSecond(100, 0.5)).isEqualTo(200.0);
        assertThat(JgradBenchmarks.perCpuSecond(100, 0)).isNaN();
    }

    @Test
    void figuresTurnIntoGflopsAndFractionsOfThePeak() {
        assertThat(MetricRow.MLP_TRAIN).isEqualTo(1_007_104.0);
        MetricRow train = row("train_b128");
        assertThat(train.gflops(100_000.0, 0)).isCloseTo(100.7104, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row("infer_b1_us").gflops(46.9504, 0)).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row("classic_s").gflops(0.6042624, 60_000)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(row("gemm_nn_128x784x256").gflops(55.5, 0)).isEqualTo(55.5);
        assertThat(row("alloc_trainer_step").gflops(100.0, 0)).isNaN();
        assertThat(row("train_b128_cpu").perCpuSecond()).isTrue();
        assertThat(ResultTable.percent(75, 100)).isEqualTo("75%");
        assertThat(ResultTable.percent(Double.NaN, 100)).isEqualTo("-");
        assertThat(ResultTable.peakGflops(Map.of("peak", Map.of("2", Map.of("gflops", 150.5))), 2)).isEqualTo(150.5);
        assertThat(ResultTable.peakGflops(Map.of("peak", Map.of("error", "x")), 1)).isNaN();
    }

    @Test
    @SuppressWarnings("unchecked")
    void peakBeforeAndAfterKeepsTheBestRoundAndTheWorst() {
        Map<String, Object> before = Map.of("1", Map.of("gflops", 70.0, "worst_gflops", 40.0));
        Map<String, Object> after = Map.of("1", Map.of("gflops", 65.0, "worst_gflops", 20.0));
        Map<String, Object> best = (Map<String, Object>) JgradBenchmarks.bestOf(before, after).get("1");
        assertThat(best).containsEntry("gflops", 70.0).containsEntry("worst_gflops", 20.0)
                .containsEntry("before_gflops", 70.0).containsEntry("after_gflops", 65.0);
    }

    private static MetricRow row(String key) {
        return MetricRow.ALL.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void jsonRoundTrips() {
        Object v = Json.parse(Json.write(Map.of("a", List.of(1.5, "x\"y", true))));
        assertThat(v).isEqualTo(Map.of("a", List.of(1.5, "x\"y", true)));
    }
}
