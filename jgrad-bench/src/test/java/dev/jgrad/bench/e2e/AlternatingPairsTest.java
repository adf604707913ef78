package dev.jgrad.bench.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The alternation order, the bookkeeping of who ran when, and the row arithmetic under the callers' names. */
class AlternatingPairsTest {

    @Test
    void pairsAlternateTheOrderAndKeepEachContendersRunsInRunOrder() throws Exception {
        List<String> order = new ArrayList<>();
        int[] count = {0};
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<List<Map<String, Object>>> runs = AlternatingPairs.run(3, "jgrad", () -> {
            order.add("j");
            return Map.of("train_b32", (double) ++count[0]);
        }, "torch", () -> {
            order.add("t");
            return Map.of("train_b32", (double) ++count[0]);
        }, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(order).containsExactly("j", "t", "t", "j", "j", "t");
        assertThat(runs.get(0)).extracting(m -> m.get("train_b32")).containsExactly(1.0, 4.0, 5.0);
        assertThat(runs.get(1)).extracting(m -> m.get("train_b32")).containsExactly(2.0, 3.0, 6.0);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("pair 2, torch").contains("pair 3, jgrad");
    }

    @Test
    void rowsAreNamedByTheCallerAndRatiosAreSecondOverFirst() {
        Map<String, Object> row = AlternatingPairs.row("train_b128", "torch",
                List.of(Map.of("train_b128", 20.0), Map.of("train_b128", 40.0)), "jgrad",
                List.of(Map.of("train_b128", 50.0), Map.of("train_b128", 60.0)));
        assertThat(row.get("ratios")).isEqualTo(List.of(2.5, 1.5));
        assertThat((double) row.get("ratio_median")).isEqualTo(2.0);
        assertThat((double) row.get("torch_median")).isEqualTo(30.0);
        assertThat((double) row.get("jgrad_median")).isEqualTo(55.0);
        assertThat((double) row.get("jgrad_cpu_median")).isNaN();
    }

    @Test
    void aFailedRunEndsThePairs() {
        assertThatThrownBy(() -> AlternatingPairs.run(2, "a", () -> Map.of(), "b", () -> {
            throw new Processes.ChildFailedException("b exited with 1");
        }, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .isInstanceOf(Processes.ChildFailedException.class).hasMessageContaining("exited with 1");
    }
}
