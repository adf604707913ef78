package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    private static List<Batch> collect(Iterable<Batch> epoch) {
        List<Batch> out = new ArrayList<>();
        epoch.forEach(out::add);
        return out;
    }

    @Test
    void unshuffledKeepsOrderAndTheLastPartialBatch() {
        DataLoader loader = new DataLoader(DatasetTest.counting(10), 4, false, false, 0L);
        assertThat(loader.numBatches()).isEqualTo(3);
        List<Batch> batches = collect(loader.epoch(0));
        assertThat(batches).extracting(Batch::size).containsExactly(4, 4, 2);
        assertThat(batches.get(2).features()).containsExactly(8, -8, 9, -9);
        assertThat(batches.get(2).labels()).containsExactly(2, 0);
        assertThat(batches.get(1).indices()).containsExactly(4, 5, 6, 7);
        assertThat(batches.get(0).oneHotLabels(3)).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0);
    }

    @Test
    void dropLastDropsThePartialBatch() {
        DataLoader loader = new DataLoader(DatasetTest.counting(10), 4, true, true, 5L);
        assertThat(loader.numBatches()).isEqualTo(2);
        assertThat(collect(loader.epoch(3))).extracting(Batch::size).containsExactly(4, 4);
    }

    @Test
    void shuffledEpochsArePermutationsThatDependOnlyOnSeedAndEpoch() {
        DataLoader a = new DataLoader(DatasetTest.counting(50), 8, 42L);
        DataLoader b = new DataLoader(DatasetTest.counting(50), 8, 42L);
        int[] e0 = a.order(0);
        int[] e1 = a.order(1);
        assertThat(b.order(1)).containsExactly(e1);
        assertThat(e0).isNotEqualTo(e1);
        assertThat(e0).containsExactlyInAnyOrder(range(50));
        assertThat(new DataLoader(DatasetTest.counting(50), 8, 43L).order(0)).isNotEqualTo(e0);
        // batches carry the rows of that order, features and labels together
        List<Batch> batches = collect(a.epoch(1));
        assertThat(batches).hasSize(7);
        int[] seen = batches.stream().flatMapToInt(x -> Arrays.stream(x.indices())).toArray();
        assertThat(seen).containsExactly(e1);
        Batch first = batches.get(0);
        for (int i = 0; i < first.size(); i++) {
            assertThat(first.features()[2 * i]).isEqualTo((float) first.indices()[i]);
            assertThat(first.labels()[i]).isEqualTo(first.indices()[i] % 3);
        }
    }

    @Test
    void regressionBatchesCarryTargets() {
        Dataset r = Dataset.regression(new float[] {1, 2, 3}, 1, new float[] {10, 20, 30});
        Batch only = collect(new DataLoader(r, 8, false, false, 0L).epoch(0)).get(0);
        assertThat(only.targets()).containsExactly(10, 20, 30);
        assertThat(only.labels()).isNull();
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
