package dev.jgrad.cli.model;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.init.Initializer;
import dev.jgrad.nn.init.Initializers;

import java.util.Locale;
import java.util.Random;

/**
 * Weight initialization for {@code --init}. The default, {@link #TORCH}, is what PyTorch's {@code nn.Linear} does
 * (kaiming_uniform with a = sqrt(5)): weights and biases uniform in +-1/sqrt(fan_in). Recipes quoted with PyTorch
 * accuracies (e.g. Fashion-MNIST 784-256-128-10 with Adam) were measured with it.
 */
public enum InitKind {
    TORCH, HE, GLOROT, GLOROT_NORMAL;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A Linear layer initialized this way, drawing from {@code rng}. */
    public Linear linear(int in, int out, Random rng) {
        Initializer weights = switch (this) {
            case TORCH -> Initializers.uniform((float) -bound(in), (float) bound(in));
            case HE -> Initializers.heUniform();
            case GLOROT -> Initializers.glorotUniform();
            case GLOROT_NORMAL -> Initializers.glorotNormal();
        };
        Linear layer = new Linear(in, out, weights, rng);
        if (this == TORCH) {
            float[] b = layer.bias().data();
            float lim = (float) bound(in);
            for (int i = 0; i < b.length; i++) {
                b[i] = -lim + 2 * lim * rng.nextFloat();
            }
        }
        return layer;
    }

    private static double bound(int fanIn) {
        return 1 / Math.sqrt(fanIn);
    }

    public static InitKind parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (InitKind k : values()) {
            if (k.id().equals(t)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown init '" + s + "'; choose one of torch, he, glorot, glorot-normal");
    }
}
