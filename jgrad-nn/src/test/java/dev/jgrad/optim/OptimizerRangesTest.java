package dev.jgrad.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.backend.ScalarAdam;
import dev.jgrad.backend.WorkerPool;
import dev.jgrad.nn.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A large step is cut into ranges of about {@link GradientOptimizer#PART_ELEMENTS} that cross parameter boundaries
 * and run on {@link WorkerPool}'s threads (two on a 2-core machine): every element is updated exactly once, with
 * the same bits as {@link ScalarAdam} over each whole parameter, and zeroGrad clears every element. Odd sizes, a
 * parameter without a gradient in the middle. One thread against two, whole training steps, is
 * {@code ThreadCountReproducibilityTest}'s.
 */
class OptimizerRangesTest {

    private static final int[] SIZES = {70_001, 13, 5, 33_333, 40_000, 1};

    @Test
    void adamOverManyRangesMatchesTheScalarStepPerParameter() {
        Random r = new Random(11);
        List<Parameter> ps = new ArrayList<>();
        for (int n : SIZES) {
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                w[i] = (float) r.nextGaussian();
            }
            ps.add(new Parameter(w, n));
        }
        // Gradients g = 2w for all but parameter 2 (no gradient: left alone).
        Adam adam = new Adam(ps, 1e-2);
        float[][] w0 = new float[SIZES.length][];
        float[][] m = new float[SIZES.length][];
        float[][] v = new float[SIZES.length][];
        for (int i = 0; i < SIZES.length; i++) {
            w0[i] = ps.get(i).toArray();
            m[i] = new float[SIZES[i]];
            v[i] = new float[SIZES[i]];
        }
        for (int step = 1; step <= 3; step++) {
            adam.zeroGrad();
            for (int i = 0; i < SIZES.length; i++) {
                if (i != 2) {
                    ps.get(i).mul(ps.get(i)).sum().backward();
                }
            }
            float[][] g = new float[SIZES.length][];
            for (int i = 0; i < SIZES.length; i++) {
                g[i] = i == 2 ? null : ps.get(i).grad().toArray();
            }
            adam.step();
            float stepSize = (float) (1e-2 / (1 - Math.pow(0.9f, step)));
            float sqrtBias2 = (float) Math.sqrt(1 - Math.pow(0.999f, step));
            for (int i = 0; i < SIZES.length; i++) {
                if (g[i] != null) {
                    ScalarAdam.update(w0[i], g[i], m[i], v[i], 0, SIZES[i], 0.9f, 0.999f, stepSize, sqrtBias2, 1e-8f,
                            1f);
                }
                assertThat(ps.get(i).toArray()).as("parameter %d after step %d", i, step).isEqualTo(w0[i]);
            }
        }
        adam.zeroGrad();
        for (int i = 0; i < SIZES.length; i++) {
            if (i != 2) {
                assertThat(ps.get(i).grad().toArray()).as("gradient %d after zeroGrad", i)
                        .isEqualTo(new float[SIZES[i]]);
            }
        }
    }
}
