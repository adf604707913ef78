package dev.jgrad.playground.digits;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Losses;
import dev.jgrad.optim.Optimizers;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.random.Shuffle;
import dev.jgrad.train.TrainingStep;

import java.util.Random;
import java.util.logging.Logger;

/**
 * The pad's model when none is given: a 784-64-10 ReLU network trained at first use on {@link StrokeDigits} (a few
 * seconds on one core), so the pad works on a fresh install with nothing downloaded. Seeded: every start trains the
 * same weights.
 */
final class BuiltInDigits {
    private static final Logger LOG = Logger.getLogger(BuiltInDigits.class.getName());
    static final int PER_DIGIT = 600, EPOCHS = 6, BATCH = 32;
    static final long SEED = 20_26;

    private BuiltInDigits() {}

    /** A trained model and its accuracy on strokes it did not see. */
    record Trained(Sequential model, double heldOutAccuracy, long millis) {}

    @SuppressWarnings("try") // the no-grad scope is used for its side effect only
    static Trained train() {
        long t0 = System.nanoTime();
        StrokeDigits.Set data = StrokeDigits.generate(PER_DIGIT, SEED);
        StrokeDigits.Set check = StrokeDigits.generate(50, SEED + 1);
        Random rng = new Random(SEED);
        Sequential net = new Sequential(new Linear(784, 64, rng), new ReLU(), new Linear(64, 10, rng));
        TrainingStep step = new TrainingStep(net, Losses.parse("cross-entropy"),
                Optimizers.parse("adam").create(net.parameters(), 3e-3));
        int n = data.labels().length;
        for (int e = 0; e < EPOCHS; e++) {
            int[] order = Shuffle.permutation(n, rng);
            for (int start = 0; start < n; start += BATCH) {
                int m = Math.min(BATCH, n - start);
                float[] x = new float[m * 784], y = new float[m];
                for (int r = 0; r < m; r++) {
                    System.arraycopy(data.images()[order[start + r]], 0, x, r * 784, 784);
                    y[r] = data.labels()[order[start + r]];
                }
                step.run(Tensor.of(x, m, 784), Tensor.of(y, m));
            }
        }
        net.eval();
        int right = 0, total = check.labels().length;
        try (var ignored = Tensor.noGrad()) {
            float[] x = new float[total * 784];
            for (int i = 0; i < total; i++) System.arraycopy(check.images()[i], 0, x, i * 784, 784);
            int[] pred = net.forward(Tensor.of(x, total, 784)).argmax(1);
            for (int i = 0; i < total; i++) if (pred[i] == check.labels()[i]) right++;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        double acc = right / (double) total;
        LOG.info(String.format("playground: built-in digit model trained on %d stroke digits in %d ms, %.1f%% on %d unseen",
                n, ms, 100 * acc, total));
        return new Trained(net, acc, ms);
    }
}
