package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.Map;
import java.util.Random;

/**
 * Inverted dropout: in training mode each element is zeroed with probability {@code p} and the survivors are
 * scaled by {@code 1/(1-p)}, so the expected activation is unchanged and evaluation mode is the identity.
 * The mask comes from the {@link Random} given at construction, or, once {@link #reseed} was called (the trainer
 * does so every epoch), from a generator seeded with that seed.
 */
public final class Dropout extends Module {

    private final float p;
    private Random rng;

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
    }

    @Override
    public Tensor forward(Tensor x) {
        if (!isTraining() || p == 0f) {
            return x;
        }
        float keep = 1f / (1f - p);
        float[] mask = new float[x.numel()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextFloat() >= p ? keep : 0f;
        }
        return x.mul(Tensor.of(mask, x.shape()));
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("p", p);
    }
}
