package dev.jgrad.train;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DataLoaderTest {

    /** Row i is (i, -i) with class i % 3. */
    private static DataLoader counting(int n, int batch) {
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            y[i] = i % 3;
        }
        return new DataLoader(Tensor.of(x, n, 2), Tensor.of(y, n), batch);
    }

    /** Each batch's rows, in batch order (the batches themselves are reused, so their rows are read at once). */
    private static List<int[]> rows(Iterable<DataLoader.Batch> epoch) {
        List<int[]> out = new ArrayList<>();
        for (DataLoader.Batch b : epoch) {
            int[] r = new int[b.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = b.row(i);
                assertThat(b.x().toArray()[2 * i]).isEqualTo((float) r[i]);
                assertThat(b.x().toArray()[2 * i + 1]).isEqualTo((float) -r[i]);
                assertThat(b.y().toArray()[i]).isEqualTo((float) (r[i] % 3));
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void unshuffledKeepsTheOrderAndTheLastPartialBatch() {
        DataLoader loader = counting(10, 4);
        assertThat(loader.numBatches()).isEqualTo(3);
        List<int[]> batches = rows(loader.epoch(1));
        assertThat(batches).containsExactly(new int[]{0, 1, 2, 3}, new int[]{4, 5, 6, 7}, new int[]{8, 9});
        DataLoader.Batch last = null;
        for (DataLoader.Batch b : loader.epoch(2)) {
            last = b;
        }
        assertThat(last.x().shape()).containsExactly(2, 2);
        assertThat(last.x().toArray()).containsExactly(8, -8, 9, -9);
        assertThat(last.y().toArray()).containsExactly(2, 0);
    }

    @Test
    void dropLastDropsThePartialBatch() {
        DataLoader loader = counting(10, 4).shuffle(5).dropLast(true);
        assertThat(loader.numBatches()).isEqualTo(2);
        assertThat(rows(loader.epoch(3))).extracting(r -> r.length).containsExactly(4, 4);
    }

    @Test
    void seededEpochsArePermutationsThatDependOnlyOnSeedAndEpoch() {
        DataLoader a = counting(50, 8).shuffle(42);
        List<int[]> e3 = rows(a.epoch(3));
        List<int[]> e1 = rows(a.epoch(1));
        // Another loader with the same seed, asked for epoch 3 first, agrees: no state carries between epochs.
        DataLoader b = counting(50, 8).shuffle(42);
        assertThat(rows(b.epoch(3))).containsExactlyElementsOf(e3);
        assertThat(flat(e1)).isNotEqualTo(flat(e3)).containsExactlyInAnyOrder(range(50));
        assertThat(flat(rows(counting(50, 8).shuffle(43).epoch(1)))).isNotEqualTo(flat(e1));
        // The order is epochOrder's, the one Trainer.fit and the Spark workers use.
        int[] order = new int[50];
        DataLoader.epochOrder(order, 42, 3);
        assertThat(flat(e3)).containsExactly(order);
        // Iterating the loader itself gives epoch 1, then 2.
        DataLoader c = counting(50, 8).shuffle(42);
        List<int[]> first = new ArrayList<>();
        c.forEach(batch -> first.add(new int[]{batch.row(0)}));
        assertThat(first.get(0)[0]).isEqualTo(e1.get(0)[0]);
    }

    @Test
    void aCallersRandomCarriesOverFromEpochToEpoch() {
        DataLoader loader = counting(30, 7).shuffle(new Random(3));
        int[] e1 = flat(rows(loader.epoch(1)));
        int[] e2 = flat(rows(loader.epoch(2)));
        assertThat(e2).isNotEqualTo(e1).containsExactlyInAnyOrder(range(30));
        // The same Random state gives the same batches.
        assertThat(flat(rows(counting(30, 7).shuffle(new Random(3)).epoch(1)))).containsExactly(e1);
    }

    @Test
    void badInputIsRefusedWithTheShapes() {
        assertThatThrownBy(() -> new DataLoader(Tensor.zeros(3, 2), Tensor.zeros(4), 2))
                .hasMessage("DataLoader: features [3, 2] and targets [4] have different numbers of samples");
        assertThatThrownBy(() -> new DataLoader(Tensor.zeros(3, 2), Tensor.zeros(3), 0))
                .hasMessage("DataLoader: batchSize must be > 0, got 0");
        assertThatThrownBy(() -> counting(3, 2).epoch(0)).hasMessageContaining("epochs are numbered from 1");
    }

    @Property(tries = 200)
    void everyEpochVisitsEveryRowOnceUnlessDropped(@ForAll @IntRange(min = 1, max = 300) int n,
            @ForAll @IntRange(min = 1, max = 64) int batchSize, @ForAll boolean dropLast,
            @ForAll @IntRange(min = 1, max = 1000) int epoch, @ForAll long seed) {
        DataLoader loader = counting(n, batchSize).shuffle(seed).dropLast(dropLast);
        List<int[]> batches = rows(loader.epoch(epoch));
        boolean[] seen = new boolean[n];
        for (int[] b : batches) {
            assertThat(b.length).isBetween(1, batchSize);
            for (int r : b) {
                assertThat(seen[r]).isFalse();
                seen[r] = true;
            }
        }
        assertThat(batches).hasSize(loader.numBatches());
        assertThat(flat(batches)).hasSize(dropLast ? n - n % batchSize : n);
    }

    @Test
    void steadyBatchesAllocateNothing() {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        int n = 2000;
        DataLoader loader = new DataLoader(Tensor.rand(new Random(1), n, 784), Tensor.zeros(n), 128).shuffle(1);
        Tensor firstX = null;
        for (DataLoader.Batch b : loader.epoch(1)) {
            firstX = firstX == null ? b.x() : firstX;
        }
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        int batches = 0;
        int reused = 0;
        for (DataLoader.Batch b : loader.epoch(2)) {
            batches++;
            reused += b.x() == firstX ? 1 : 0;
        }
        long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        // 16 batches of 400 KB each; what remains is the epoch's iterator and shuffle generator, nothing per batch.
        assertThat(batches).isEqualTo(16);
        assertThat(reused).isEqualTo(15); // the full batches; the last one (2000 = 15 * 128 + 80) has its own buffer
        assertThat(bytes).isLessThan(1024);
    }

    @Test
    void trainerFitIsTheLoopOverTheLoaderWithTheOneTrainingStep() {
        Random rng = new Random(4);
        Tensor x = Tensor.randn(rng, 90, 5);
        float[] labels = new float[90];
        for (int i = 0; i < 90; i++) {
            labels[i] = rng.nextInt(3);
        }
        Tensor y = Tensor.of(labels, 90);
        Sequential a = net();
        Trainer.builder(a, new CrossEntropyLoss(), new Adam(a.parameters(), 0.01)).epochs(3).batchSize(16).shuffle(8)
                .build().fit(x, y);
        Sequential b = net();
        TrainingStep step = new TrainingStep(b, new CrossEntropyLoss(), new Adam(b.parameters(), 0.01));
        DataLoader loader = new DataLoader(x, y, 16).shuffle(8);
        for (int epoch = 1; epoch <= 3; epoch++) {
            for (DataLoader.Batch batch : loader.epoch(epoch)) {
                step.run(batch.x(), batch.y());
            }
        }
        List<Parameter> pa = a.parameters();
        List<Parameter> pb = b.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertThat(pb.get(i).toArray()).as("parameter %d", i).containsExactly(pa.get(i).toArray());
        }
    }

    private static Sequential net() {
        Random rng = new Random(2);
        return new Sequential(new Linear(5, 8, rng), new ReLU(), new Linear(8, 3, rng));
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
