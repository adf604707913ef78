package dev.jgrad.nn;

import dev.jgrad.random.Seeds;
import dev.jgrad.tensor.Tensor;

import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in training mode each element is zeroed with probability {@code p} and the survivors are
 * scaled by {@code 1/(1-p)}, so the expected activation is unchanged and evaluation mode is the identity.
 *
 * <p>The mask comes from the {@link Random} given at construction, or, once {@link #reseed} was called (the trainer
 * does so every epoch), from a generator seeded with that seed; and once {@link #atRows} was called too (the
 * trainer does so before every forward pass), row {@code r} of the input draws its mask from a generator seeded by
 * (the epoch's seed, the step, {@code firstRow + r}): a pure function of where the row is in the epoch, the same
 * whether the batch is computed whole, in shards, or by the workers of distributed training.
 */
public final class Dropout extends Module {

    private final float p;
    private Random rng;
    private long epochSeed;
    private boolean reseeded;
    private int step = -1;
    private int firstRow;

    public Dropout(double p, Random rng) {
        if (!(p >= 0 && p < 1)) {
            throw new IllegalArgumentException("Dropout: p must be in [0, 1), got " + p);
        }
        this.p = (float) p;
        this.rng = Checks.notNull("Dropout", "rng", rng);
    }

    public float p() {
        return p;
    }

    @Override
    public void reseed(long seed) {
        rng = new Random(seed);
        epochSeed = seed;
        reseeded = true;
        step = -1;
    }

    @Override
    public void atRows(int step, int firstRow) {
        this.step = step;
        this.firstRow = firstRow;
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0f) {
            return x;
        }
        float keep = 1f / (1f - p);
        float[] mask = new float[x.numel()];
        if (reseeded && step >= 0) {
            int rows = x.dim() == 0 ? 1 : x.shape()[0];
            int perRow = rows == 0 ? 0 : mask.length / rows;
            for (int r = 0; r < rows; r++) {
                SplittableRandom g = new SplittableRandom(Seeds.derive(epochSeed, step, firstRow + r));
                for (int i = r * perRow; i < (r + 1) * perRow; i++) {
                    mask[i] = g.nextFloat() >= p ? keep : 0f;
                }
            }
        } else {
            for (int i = 0; i < mask.length; i++) {
                mask[i] = rng.nextFloat() >= p ? keep : 0f;
            }
        }
        return x.mul(Tensor.of(mask, x.shape()));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("p", p);
    }
}
