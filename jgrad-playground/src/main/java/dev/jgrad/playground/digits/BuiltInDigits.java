package dev.jgrad.playground.digits;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Losses;
import dev.jgrad.optim.Optimizers;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.random.Shuffle;
import dev.jgrad.train.TrainingStep;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The pad's model when none is given: a 784-64-10 ReLU network trained at first use on {@link StrokeDigits} (a few
 * seconds on one core), so the pad works on a fresh install with nothing downloaded. Seeded: every start trains the
 * same weights. Kept in the user's cache ({@code $XDG_CACHE_HOME/jgrad} or {@code ~/.cache/jgrad}) so later starts
 * load it; a cache that cannot be read or written only costs the training again, said once in the log.
 */
final class BuiltInDigits {
    private static final Logger LOG = Logger.getLogger(BuiltInDigits.class.getName());
    static final int PER_DIGIT = 600, EPOCHS = 6, BATCH = 32;
    static final long SEED = 20_26;

    private BuiltInDigits() {}

    /** A trained model and its accuracy on strokes it did not see. */
    record Trained(Sequential model, double heldOutAccuracy, long millis) {}

    static final String CACHE_NAME = "playground-stroke-digits-v1.jgrad";

    /** The cached model, or a freshly trained one (then cached). */
    static Trained cachedOrTrained() {
        Path file = cacheDir().resolve(CACHE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                SavedModel saved = ModelFile.load(file);
                if (saved.model() instanceof Sequential net && saved.metadata().get("heldOutAccuracy") instanceof Number acc) {
                    net.eval();
                    return new Trained(net, acc.doubleValue(), 0);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.INFO, "playground: cached digit model " + file + " not readable (" + e.getMessage() + "); training it again");
            }
        }
        Trained t = train();
        try {
            Files.createDirectories(file.getParent());
            ModelFile.save(t.model(), Map.of("heldOutAccuracy", t.heldOutAccuracy(), "source", "jgrad playground stroke digits",
                    "seed", SEED), file);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.INFO, "playground: digit model not cached in " + file + " (" + e.getMessage() + ")");
        }
        return t;
    }

    /** {@code -Djgrad.cache=DIR} (the tests' target/cache), else the XDG cache. */
    static Path cacheDir() {
        String own = System.getProperty("jgrad.cache");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("jgrad");
    }

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
