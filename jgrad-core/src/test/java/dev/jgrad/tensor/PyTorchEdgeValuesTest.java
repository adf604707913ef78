package dev.jgrad.tensor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values and gradients at the edges where a formula breaks down (0^-1, NaN inputs), each compared with what
 * PyTorch 1.13 (Debian's python3-torch) gives for the same float32 input; the numbers are written out so the
 * test needs no Python. Regression tests for issue 18.
 */
class PyTorchEdgeValuesTest {

    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    /** x.pow(p).sum().backward() at the given points; returns {values, gradients}. */
    private static float[][] pow(float p, float... at) {
        Tensor x = Tensor.vector(at).requiresGrad(true);
        Tensor y = x.pow(p);
        y.sum().backward();
        return new float[][]{y.toArray(), x.grad().toArray()};
    }

    @Test
    void powZeroHasZeroGradientEverywhereIncludingAtZero() {
        // torch: x.pow(0) at [0, 2, -3] -> values [1, 1, 1], grad [0, 0, 0] (was NaN at 0: 0 * 0^-1)
        float[][] r = pow(0f, 0f, 2f, -3f);
        assertThat(r[0]).containsExactly(1f, 1f, 1f);
        assertThat(r[1]).containsExactly(0f, 0f, 0f);
    }

    @Test
    void powAtZeroForOtherExponentsMatchesPyTorch() {
        // torch: pow(1) grad [1, 1, 1]; pow(0.5) grad [inf, 0.35355338, nan]; pow(-1) grad [-inf, -0.25, -0.11111111];
        // pow(2) grad [0, 4, -6]; pow(3) grad [0, 12, 27]; pow(1.5) grad [0, 2.1213202, nan]
        assertThat(pow(1f, 0f, 2f, -3f)[1]).containsExactly(1f, 1f, 1f);
        assertThat(pow(0.5f, 0f, 2f, -3f)[1]).containsExactly(INF, 0.35355338f, NAN);
        assertThat(pow(-1f, 0f, 2f, -3f)[1]).containsExactly(-INF, -0.25f, -0.11111111f);
        assertThat(pow(2f, 0f, 2f, -3f)[1]).containsExactly(0f, 4f, -6f);
        assertThat(pow(3f, 0f, 2f, -3f)[1]).containsExactly(0f, 12f, 27f);
        assertThat(pow(1.5f, 0f, 2f, -3f)[1]).containsExactly(0f, 2.1213202f, NAN);
        assertThat(pow(0.5f, 0f, 2f, -3f)[0]).containsExactly(0f, 1.4142135f, NAN);
    }

    @Test
    void reluPropagatesNaNAndPassesItsGradient() {
        // torch.relu([nan, 0, -1, 2, inf, -inf]) = [nan, 0, 0, 2, inf, 0]; grad of the sum [1, 0, 0, 1, 1, 0]
        // (threshold_backward zeroes only where x <= 0, which is false for NaN). A NaN that became 0 would hide
        // a diverged unit from the training loop's NaN stop.
        Tensor x = Tensor.vector(NAN, 0f, -1f, 2f, INF, -INF).requiresGrad(true);
        Tensor y = x.relu();
        y.sum().backward();
        assertThat(y.toArray()).containsExactly(NAN, 0f, 0f, 2f, INF, 0f);
        assertThat(x.grad().toArray()).containsExactly(1f, 0f, 0f, 1f, 1f, 0f);
    }

    @Test
    void reluOfNaNReachesTheLossThroughALayer() {
        // One NaN weight in the first layer: the hidden unit is NaN, and so must be every output it feeds.
        Tensor w1 = Tensor.of(new float[]{1f, NAN}, 2, 1);
        Tensor w2 = Tensor.of(new float[]{0.5f, 0.5f}, 1, 2);
        Tensor x = Tensor.of(new float[]{1f}, 1, 1);
        Tensor out = x.matmul(w1.transpose()).relu().matmul(w2.transpose());
        assertThat(out.item()).isNaN();
    }
}
