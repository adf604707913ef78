package dev.jgrad.train;

import dev.jgrad.random.Shuffle;
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
        // ranges [0,8) [8,16) [16,25); shares of a batch 3, 3, 4
        assertThat(new int[]{s.rangeStart(0), s.rangeStart(1), s.rangeStart(2), s.rangeEnd(2)}).containsExactly(0, 8, 16, 25);
        assertThat(new int[]{s.shareOfBatch(0), s.shareOfBatch(1), s.shareOfBatch(2)}).containsExactly(3, 3, 4);
        assertThat(s.stepsPerEpoch()).isEqualTo(3); // ceil(8/3) = 3, ceil(9/4) = 3
        assertThat(new int[]{s.sliceFrom(0, 2), s.sliceTo(0, 2), s.sliceFrom(2, 2), s.sliceTo(2, 2)})
                .containsExactly(6, 8, 24, 25);
        assertThat(s.batchRows(0)).isEqualTo(10);
        assertThat(s.batchRows(2)).isEqualTo(2 + 2 + 1);
        assertThat(s.weight(2, 2)).isEqualTo(0.2f);
        int total = 0;
        for (int t = 0; t < s.stepsPerEpoch(); t++) {
            total += s.batchRows(t);
        }
        assertThat(total).isEqualTo(25);
    }

    @Test
    void oneShardShufflesExactlyLikeTheTrainer() {
        Shards s = new Shards(100, 7, 1);
        int[] a = s.identityOrder();
        s.shuffle(a, new Random(5));
        assertThat(a).containsExactly(Shuffle.permutation(100, new Random(5)));
    }

    @Test
    void eachRangeIsShuffledWithinItself() {
        Shards s = new Shards(30, 6, 3);
        int[] a = s.identityOrder();
        s.shuffle(a, new Random(9));
        for (int k = 0; k < 3; k++) {
            for (int i = s.rangeStart(k); i < s.rangeEnd(k); i++) {
                assertThat(a[i]).isBetween(s.rangeStart(k), s.rangeEnd(k) - 1);
            }
        }
        assertThat(a).isNotEqualTo(s.identityOrder());
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
