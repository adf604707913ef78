package dev.jgrad.train;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardsTest {

    private static Tensor[] regression(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[2 * n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[2 * i] = (float) rng.nextGaussian();
            x[2 * i + 1] = (float) rng.nextGaussian();
            y[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5f;
        }
        return new Tensor[]{Tensor.of(x, n, 2), Tensor.of(y, n, 1)};
    }

    private static Sequential model(long seed) {
        Random rng = new Random(seed);
        return new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 1, rng));
    }

    private static float[] weights(Sequential m) {
        float[] w = new float[Shards.size(m.parameters())];
        Shards.copyValues(m.parameters(), w);
        return w;
    }

    @Test
    void layoutOfTwentyFiveRowsInThreeShardsWithBatchTen() {
        Shards s = new Shards(25, 10, 3);
        // batches [0,10) [10,20) [20,25); shards of a full batch 3, 3, 4 rows; of the last 1, 2, 2
        assertThat(s.stepsPerEpoch()).isEqualTo(3);
        assertThat(new int[]{s.shardFrom(0, 1), s.shardTo(0, 1), s.shardFrom(1, 1), s.shardTo(1, 1), s.shardFrom(2, 1),
                s.shardTo(2, 1)}).containsExactly(10, 13, 13, 16, 16, 20);
        assertThat(new int[]{s.shardFrom(0, 2), s.shardTo(0, 2), s.shardFrom(1, 2), s.shardTo(1, 2), s.shardFrom(2, 2),
                s.shardTo(2, 2)}).containsExactly(20, 21, 21, 23, 23, 25);
        assertThat(s.batchRows(0)).isEqualTo(10);
        assertThat(s.batchRows(2)).isEqualTo(5);
        assertThat(s.offsetInBatch(2, 1)).isEqualTo(6);
        assertThat(s.weight(0, 2)).isEqualTo(0.2f);
        assertThat(s.weight(2, 2)).isEqualTo(0.4f);
    }

    @Test
    void aShortLastBatchMayLeaveAShardEmpty() {
        Shards s = new Shards(21, 10, 3); // last batch: 1 row -> shards of 0, 0, 1
        assertThat(new int[]{s.shardFrom(0, 2), s.shardTo(0, 2), s.shardFrom(1, 2), s.shardTo(1, 2), s.shardFrom(2, 2),
                s.shardTo(2, 2)}).containsExactly(20, 20, 20, 20, 20, 21);
        assertThat(s.weight(2, 2)).isEqualTo(1f);
    }

    @Test
    void shardedTrainingSeesTheSameBatchesAsOrdinaryTraining() {
        // Same seed, same batches: the sharded run differs from ordinary training only by float32 rounding.
        Tensor[] d = regression(50, 6);
        Sequential plain = model(3);
        Sequential sharded = model(3);
        History hp = Trainer.builder(plain, new MSELoss(), new Adam(plain.parameters(), 0.01)).epochs(3).batchSize(8)
                .shuffle(4).build().fit(d[0], d[1]);
        History hs = Trainer.builder(sharded, new MSELoss(), new Adam(sharded.parameters(), 0.01)).epochs(3).batchSize(8)
                .shuffle(4).shards(3).build().fit(d[0], d[1]);
        float[] w = weights(plain);
        float[] v = weights(sharded);
        for (int i = 0; i < w.length; i++) {
            assertThat(v[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-5f));
        }
        for (int e = 0; e < 3; e++) {
            assertThat(hs.trainLoss().get(e)).isCloseTo(hp.trainLoss().get(e), org.assertj.core.api.Assertions.within(1e-6));
        }
        // A different shuffle seed gives different batches: the check above can fail.
        Sequential other = model(3);
        Trainer.builder(other, new MSELoss(), new Adam(other.parameters(), 0.01)).epochs(3).batchSize(8)
                .shuffle(5).shards(3).build().fit(d[0], d[1]);
        assertThat(Math.abs(weights(other)[0] - w[0])).isGreaterThan(1e-4f);
    }

    @Test
    void dropoutMasksDoNotDependOnTheShards() {
        Tensor[] d = regression(40, 8);
        java.util.function.DoubleFunction<Sequential> net = p -> {
            Random rng = new Random(2);
            return new Sequential(new Linear(2, 16, rng), new Tanh(), new dev.jgrad.nn.Dropout(p, rng), new Linear(16, 1, rng));
        };
        Sequential plain = net.apply(0.3);
        Sequential sharded = net.apply(0.3);
        Trainer.builder(plain, new MSELoss(), new SGD(plain.parameters(), 0.05)).epochs(2).batchSize(10).shuffle(1).build()
                .fit(d[0], d[1]);
        Trainer.builder(sharded, new MSELoss(), new SGD(sharded.parameters(), 0.05)).epochs(2).batchSize(10).shuffle(1)
                .shards(3).build().fit(d[0], d[1]);
        float[] w = weights(plain);
        float[] v = weights(sharded);
        for (int i = 0; i < w.length; i++) {
            assertThat(v[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-5f));
        }
        // The masks matter: the same run without dropout ends far from both.
        Sequential other = net.apply(0);
        Trainer.builder(other, new MSELoss(), new SGD(other.parameters(), 0.05)).epochs(2).batchSize(10).shuffle(1).shards(3)
                .build().fit(d[0], d[1]);
        float diff = 0;
        for (int i = 0; i < w.length; i++) {
            diff = Math.max(diff, Math.abs(weights(other)[i] - w[i]));
        }
        assertThat(diff).isGreaterThan(1e-3f);
    }

    @Test
    void tooManyShardsSayWhy() {
        assertThatThrownBy(() -> new Shards(3, 10, 4)).hasMessage(
                "too many shards for the data: 4 shards (partitions) but only 3 rows; use at most 3");
        assertThatThrownBy(() -> new Shards(100, 2, 4)).hasMessage(
                "too many shards for the batch: 4 shards (partitions) but a batch of 2 rows; use at most 2 shards or a larger batch");
    }

    @Test
    void oneShardIsOrdinaryTrainingBitForBit() {
        Tensor[] d = regression(50, 1);
        Sequential a = model(3);
        Sequential b = model(3);
        Trainer.builder(a, new MSELoss(), new Adam(a.parameters(), 0.01)).epochs(3).batchSize(8).shuffle(4).build().fit(d[0], d[1]);
        Trainer.builder(b, new MSELoss(), new Adam(b.parameters(), 0.01)).epochs(3).batchSize(8).shuffle(4).shards(1).build()
                .fit(d[0], d[1]);
        assertThat(weights(b)).containsExactly(weights(a));
    }

    @Test
    void shardedFullBatchGradientEqualsTheWholeBatchGradientWithinRounding() {
        // One batch per epoch and no shuffling: the 3 shards together are the whole data, so the summed, weighted
        // gradient is the full-batch gradient up to float32 rounding of a different summation order.
        Tensor[] d = regression(30, 2);
        Sequential whole = model(5);
        Sequential sharded = model(5);
        Trainer.builder(whole, new MSELoss(), new SGD(whole.parameters(), 0.1)).epochs(5).batchSize(30).build().fit(d[0], d[1]);
        History h = Trainer.builder(sharded, new MSELoss(), new SGD(sharded.parameters(), 0.1)).epochs(5).batchSize(30).shards(3)
                .build().fit(d[0], d[1]);
        float[] w = weights(whole);
        float[] v = weights(sharded);
        for (int i = 0; i < w.length; i++) {
            assertThat(v[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-5f));
        }
        assertThat(v).isNotEqualTo(model(5).parameters().get(0).data()); // it trained
        assertThat(h.trainLoss().get(4)).isLessThan(h.trainLoss().get(0));
    }

    @Test
    void shardGradientsAreAddedInShardOrderWithTheirRowWeights() {
        // One step by hand: 0 + w0 g0 + w1 g1 in float32, then SGD; the Trainer must agree bit for bit.
        Tensor[] d = regression(6, 3);
        Sequential byTrainer = model(7);
        Trainer.builder(byTrainer, new MSELoss(), new SGD(byTrainer.parameters(), 0.5)).epochs(1).batchSize(6).shards(2)
                .build().fit(d[0], d[1]);

        Sequential byHand = model(7);
        List<Parameter> params = byHand.parameters();
        SGD sgd = new SGD(params, 0.5);
        TrainingStep step = new TrainingStep(byHand, new MSELoss(), sgd);
        float[] sum = new float[Shards.size(params)];
        float[] x = d[0].toArray();
        float[] y = d[1].toArray();
        for (int k = 0; k < 2; k++) {
            sgd.zeroGrad();
            step.gradients(Tensor.of(java.util.Arrays.copyOfRange(x, 6 * k, 6 * k + 6), 3, 2),
                    Tensor.of(java.util.Arrays.copyOfRange(y, 3 * k, 3 * k + 3), 3, 1));
            Shards.addScaledGradients(params, 0.5f, sum);
        }
        Shards.setGradients(params, sum);
        step.update();
        assertThat(weights(byTrainer)).containsExactly(weights(byHand));
    }
}
