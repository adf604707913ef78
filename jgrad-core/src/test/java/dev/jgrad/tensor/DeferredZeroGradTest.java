package dev.jgrad.tensor;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Tensor#zeroGrad()} defers its fill: the next backward overwrites the buffer instead of adding to zeros. Every
 * path a gradient reaches a tensor by (the fused linear layer's weight, bias and input products, matmul's two
 * products, an elementwise op's accumulate) must give exactly what a fresh tensor's first backward gives, a second
 * backward must add to it, and the gradient must read zeros in between.
 */
class DeferredZeroGradTest {

    private static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int s : shape) {
            n *= s;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return Tensor.of(v, shape).requiresGrad(true);
    }

    /** Runs backward of {@code loss} three times: fresh, after a zeroGrad, and once more without one. */
    private static void checkAgainstFresh(Supplier<Tensor> loss, Tensor... leaves) {
        loss.get().backward();
        float[][] fresh = new float[leaves.length][];
        for (int i = 0; i < leaves.length; i++) {
            fresh[i] = leaves[i].grad().toArray();
            // poison the old values: a missed overwrite or a missed fill shows as a huge error
            java.util.Arrays.fill(leaves[i].grad().data(), 1e6f);
            leaves[i].zeroGrad();
            assertThat(leaves[i].hasGrad()).isFalse();
        }
        loss.get().backward();
        for (int i = 0; i < leaves.length; i++) {
            assertThat(leaves[i].grad().toArray()).as("leaf %d after zeroGrad and one backward", i)
                    .containsExactly(fresh[i]);
        }
        loss.get().backward();
        for (int i = 0; i < leaves.length; i++) {
            float[] twice = leaves[i].grad().toArray();
            for (int j = 0; j < twice.length; j++) {
                // a GEMM that accumulates (beta 1) starts its sums from C, so the last bit may differ from 2x
                assertThat(twice[j]).as("leaf %d element %d after two backwards", i, j)
                        .isCloseTo(fresh[i][j] * 2f, org.assertj.core.data.Offset.offset(1e-5f * (1 + Math.abs(fresh[i][j]))));
            }
        }
    }

    @Test
    void fusedLinearLayerOverwritesWeightBiasAndInputGradients() {
        Random r = new Random(11);
        for (int rows : new int[] {1, 3, 40}) { // the direct few-row path and the GEMM path
            Tensor x = random(r, rows, 7);
            Tensor w = random(r, 5, 7);
            Tensor b = random(r, 5);
            checkAgainstFresh(() -> ActivationOps.linear(x, w, b, dev.jgrad.activation.Activations.parse("tanh"),
                    null, 0, false).sum(), x, w, b);
        }
    }

    @Test
    void matmulOverwritesBothGradients() {
        Random r = new Random(12);
        Tensor a = random(r, 9, 6);
        Tensor b = random(r, 6, 4);
        checkAgainstFresh(() -> a.matmul(b).mul(a.matmul(b)).sum(), a, b);
    }

    @Test
    void elementwiseAccumulateOverwrites() {
        Random r = new Random(13);
        Tensor x = random(r, 3, 4);
        Tensor y = random(r, 4); // broadcast: its gradient is summed to its shape
        checkAgainstFresh(() -> x.mul(y).exp().sum(), x, y);
    }

    @Test
    void gradientReadsZerosBetweenZeroGradAndBackward() {
        Tensor x = Tensor.of(new float[] {1f, -2f, 3f}, 3).requiresGrad(true);
        x.mul(x).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(2f, -4f, 6f);
        x.zeroGrad();
        assertThat(x.grad().toArray()).containsExactly(0f, 0f, 0f);
        x.mul(3f).sum().backward(); // read in between: the buffer was filled, so this adds to zeros
        assertThat(x.grad().toArray()).containsExactly(3f, 3f, 3f);
    }

    @Test
    void zeroGradWithoutAGradientAndClearGradStayNull() {
        Tensor x = Tensor.of(new float[] {1f, 2f}, 2).requiresGrad(true);
        x.zeroGrad();
        assertThat(x.grad()).isNull();
        x.mul(2f).sum().backward();
        x.zeroGrad();
        x.clearGrad();
        assertThat(x.grad()).isNull();
        x.mul(5f).sum().backward();
        assertThat(x.grad().toArray()).containsExactly(5f, 5f);
    }
}
