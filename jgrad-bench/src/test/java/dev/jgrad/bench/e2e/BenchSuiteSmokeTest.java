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
            assertThat(((Number) metrics.get(row.key())).doubleValue()).as(row.key()).isGreaterThanOrEqualTo(0);
        }
        assertThat(metrics.get("train_b128")).isNotNull(); // wall-clock rates are always measured
        assertThat(report.get("results")).isNotNull();
    }

    @Test
    void optionsParseAndRejectUnknownWords() {
        BenchOptions o = BenchOptions.parse("--quick", "--threads", "1,2", "--json", "x.json", "--no-peer");
        assertThat(o.scale()).isEqualTo(Scale.QUICK);
        assertThat(o.threads()).containsExactly(1, 2);
        assertThat(o.peer()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchOptions.parse("--fast"))
                .hasMessageContaining("unknown option '--fast'");
    }

    @Test
    void perCpuSecondIsNaNWhenTheCpuClockDidNotTick() {
        assertThat(JgradBenchmarks.perCpuSecond(100, 0.5)).isEqualTo(200.0);
        assertThat(JgradBenchmarks.perCpuSecond(100, 0)).isNaN();
    }

    @Test
    void jsonRoundTrips() {
        Object v = Json.parse(Json.write(Map.of("a", List.of(1.5, "x\"y", true))));
        assertThat(v).isEqualTo(Map.of("a", List.of(1.5, "x\"y", true)));
    }
}
