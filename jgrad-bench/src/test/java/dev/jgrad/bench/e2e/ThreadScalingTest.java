package dev.jgrad.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alternating-JVM scaling section's arithmetic: pairs in run order, medians, ratios. No timings measured. */
class ThreadScalingTest {

    @Test
    void ratiosArePerPairAndMediansPerThreadCount() {
        List<Map<String, Object>> one = List.of(Map.of("train_b32", 100.0, "train_b32_cpu", 90.0),
                Map.of("train_b32", 50.0, "train_b32_cpu", 45.0), Map.of("train_b32", 80.0, "train_b32_cpu", 70.0));
        List<Map<String, Object>> many = List.of(Map.of("train_b32", 150.0, "train_b32_cpu", 60.0),
                Map.of("train_b32", 90.0, "train_b32_cpu", 40.0), Map.of("train_b32", 200.0, "train_b32_cpu", 80.0));

        Map<String, Object> row = ThreadScaling.row("train_b32", one, many);

        assertThat(row.get("one")).isEqualTo(List.of(100.0, 50.0, 80.0));
        assertThat(row.get("ratios")).isEqualTo(List.of(1.5, 1.8, 2.5));
        assertThat((double) row.get("one_median")).isEqualTo(80.0);
        assertThat((double) row.get("many_median")).isEqualTo(150.0);
        assertThat((double) row.get("ratio_median")).isCloseTo(1.8, offset(1e-12));
        assertThat((double) row.get("ratio_min")).isEqualTo(1.5);
        assertThat((double) row.get("ratio_max")).isEqualTo(2.5);
        assertThat((double) row.get("one_cpu_median")).isEqualTo(70.0);
        assertThat((double) row.get("many_cpu_median")).isEqualTo(60.0);
    }

    @Test
    void aMissingFigureIsNaNNotAFailure() {
        Map<String, Object> row = ThreadScaling.row("train_b128", List.of(Map.of("train_b128", 10.0)),
                List.of(Map.of("train_b128", 20.0)));
        assertThat((double) row.get("ratio_median")).isEqualTo(2.0);
        assertThat((double) row.get("one_cpu_median")).isNaN();
    }

    @Test
    void fullRunsFivePairsQuickOneTinyNone() {
        assertThat(ThreadScaling.pairs(Scale.FULL)).isEqualTo(5);
        assertThat(ThreadScaling.pairs(Scale.QUICK)).isEqualTo(1);
        assertThat(ThreadScaling.pairs(Scale.TINY)).isZero();
    }
}
