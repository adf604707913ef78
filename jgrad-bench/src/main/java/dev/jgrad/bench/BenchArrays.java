package dev.jgrad.bench;

import java.util.Random;

/** Operand data for the GEMM benchmarks (JMH, {@link GemmReport} and the side-by-side suite). */
public final class BenchArrays {

    private BenchArrays() {
    }

    /** {@code size} floats drawn uniformly from [-0.5, 0.5) with {@code rnd}, in order. */
    public static float[] centered(Random rnd, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = rnd.nextFloat() - 0.5f;
        }
        return x;
    }
}
