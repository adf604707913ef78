package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;
import dev.jgrad.testing.Grads;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ActivationsTest {

    private static final float[] X = {-2f, -0.5f, 0f, 0.5f, 2f, 3f};

    private static float[] apply(Module m) {
        return m.forward(Tensor.of(X, 2, 3)).toArray();
    }

    @Test
    void knownValues() {
        assertThat(apply(new ReLU())).containsExactly(0f, 0f, 0f, 0.5f, 2f, 3f);
        assertThat(apply(new LeakyReLU(0.1f))).containsExactly(-0.2f, -0.05f, 0f, 0.5f, 2f, 3f);
        assertThat(apply(new Step())).containsExactly(0f, 0f, 1f, 1f, 1f, 1f);
        assertThat(apply(new Identity())).containsExactly(X);
        float[] s = apply(new Sigmoid());
        float[] t = apply(new Tanh());
        float[] g = apply(new GELU());
        for (int i = 0; i < X.length; i++) {
            assertThat(s[i]).isCloseTo((float) (1 / (1 + Math.exp(-X[i]))), within(1e-6f));
            assertThat(t[i]).isCloseTo((float) Math.tanh(X[i]), within(1e-6f));
        }
        // GELU(x) = x * Phi(x): Phi(2) = 0.97725, Phi(-0.5) = 0.30854 (tanh approximation within 1e-3).
        assertThat(g[4]).isCloseTo(2f * 0.97725f, within(1e-3f));
        assertThat(g[1]).isCloseTo(-0.5f * 0.30854f, within(1e-3f));
        assertThat(g[2]).isEqualTo(0f);
    }

    @Test
    void softmaxRowsSumToOne() {
        float[] p = apply(new Softmax());
        double e0 = Math.exp(-2), e1 = Math.exp(-0.5), e2 = 1;
        assertThat(p[0]).isCloseTo((float) (e0 / (e0 + e1 + e2)), within(1e-6f));
        assertThat(p[0] + p[1] + p[2]).isCloseTo(1f, within(1e-6f));
        assertThat(p[3] + p[4] + p[5]).isCloseTo(1f, within(1e-6f));
        float[] cols = new Softmax(0).forward(Tensor.of(X, 2, 3)).toArray();
        assertThat(cols[0] + cols[3]).isCloseTo(1f, within(1e-6f));
        assertThatThrownBy(() -> new Softmax(2).forward(Tensor.of(X, 2, 3))).hasMessageContaining("Softmax(axis=2)");
    }

    @Test
    void everyDifferentiableActivationPassesAGradientCheck() {
        // Points away from the kinks of ReLU/LeakyReLU, so centered differences are exact there.
        float[] x = {-1.3f, -0.4f, 0.3f, 0.9f, 1.7f, -2.2f};
        for (Module m : List.of(new Sigmoid(), new Tanh(), new ReLU(), new LeakyReLU(0.2f), new GELU(), new Identity(),
                new Softmax(), new Softmax(0))) {
            Tensor v = Grads.variable(x, 2, 3).name(m.typeName());
            Grads.assertGradients(in -> m.forward(in[0]), v);
        }
    }

    @Test
    void stepHasZeroGradient() {
        Tensor v = Grads.variable(X, 2, 3);
        new Step().forward(v).sum().add(v.sum().mul(0f)).backward();
        assertThat(v.grad().toArray()).containsOnly(0f);
    }

    @Test
    void leakyReluValidatesAlpha() {
        assertThatThrownBy(() -> new LeakyReLU(-1f)).hasMessage("LeakyReLU: alpha must be >= 0 and finite, got -1.0");
    }
}
