package dev.jgrad.autograd;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The lecture notes' worked examples, number for number. */
class WorkedExamplesTest {

    private static Tensor var(String name, float v) {
        return Tensor.scalar(v).requiresGrad(true).name(name);
    }

    @Test
    void addThenMultiply() {
        // f(x, y, z) = (x + y) z at x = -2, y = 5, z = -4
        Tensor x = var("x", -2), y = var("y", 5), z = var("z", -4);
        Tensor q = x.add(y).name("q");
        Tensor f = q.mul(z).name("f");
        f.backward();
        assertThat(f.item()).isEqualTo(-12f);
        assertThat(q.item()).isEqualTo(3f);
        assertThat(q.grad().item()).isEqualTo(-4f);
        assertThat(x.grad().item()).isEqualTo(-4f);
        assertThat(y.grad().item()).isEqualTo(-4f);
        assertThat(z.grad().item()).isEqualTo(3f);
        // and the float64 reference agrees
        double[] ref = GradCheck.numericGradient64(v -> (v[0] + v[1]) * v[2], new double[]{-2, 5, -4}, 1e-6);
        assertThat(ref).containsExactly(new double[]{-4, -4, 3}, within(1e-6));
    }

    @Test
    void sigmoidNeuron() {
        Tensor w0 = var("w0", 2), x0 = var("x0", -1), w1 = var("w1", -3), x1 = var("x1", -2), w2 = var("w2", -3);
        // 1 / (1 + exp(-(w0 x0 + w1 x1 + w2))), built from primitive gates as on the slide
        Tensor dot = w0.mul(x0).add(w1.mul(x1)).add(w2);
        Tensor out = dot.neg().exp().add(1f).pow(-1f);
        out.backward();
        assertThat(out.item()).isCloseTo(0.7311f, within(1e-4f));
        assertThat(w0.grad().item()).isCloseTo(-0.1966f, within(1e-4f));
        assertThat(x0.grad().item()).isCloseTo(0.3932f, within(1e-4f));
        assertThat(w1.grad().item()).isCloseTo(-0.3932f, within(1e-4f));
        assertThat(x1.grad().item()).isCloseTo(-0.5898f, within(1e-4f));
        assertThat(w2.grad().item()).isCloseTo(0.1966f, within(1e-4f));

        // The sigmoid op in one piece gives the same gradients: (1 - s) s = 0.1966.
        Tensor v0 = var("w0", 2);
        Tensor s = v0.mul(Tensor.scalar(-1)).add(Tensor.scalar(-3 * -2 - 3)).sigmoid();
        s.backward();
        assertThat(s.item()).isCloseTo(0.7311f, within(1e-4f));
        assertThat(v0.grad().item()).isCloseTo(-0.1966f, within(1e-4f));
    }

    @Test
    void squareOfAffine() {
        // h(x) = (2(x + 1))^2 at x = 2: g = 2(x+1) = 6, h = 36, dh/dg = 2g = 12, h'(2) = 24
        Tensor x = var("x", 2);
        Tensor g = x.add(1f).mul(2f).name("g");
        Tensor h = g.pow(2f).name("h");
        h.backward();
        assertThat(h.item()).isEqualTo(36f);
        assertThat(g.item()).isEqualTo(6f);
        assertThat(g.grad().item()).isEqualTo(12f);
        assertThat(x.grad().item()).isEqualTo(24f);
    }

    @Test
    void logisticRegressionStep() {
        Tensor x = Tensor.vector(0.1f, 0.7f);
        Tensor w = Tensor.vector(0.8f, 0.2f).requiresGrad(true);
        Tensor b = Tensor.scalar(0.1f).requiresGrad(true);
        float y = 1f;
        Tensor z = w.mul(x).sum().add(b);
        Tensor a = z.sigmoid();
        // binary cross-entropy L = -(y log a + (1 - y) log(1 - a)), so dL/dz = a - y
        Tensor loss = a.log().mul(-y).sub(a.neg().add(1f).log().mul(1 - y));
        z.name("z");
        loss.backward();
        assertThat(a.item()).isCloseTo(0.57932f, within(1e-5f));
        assertThat(z.grad().item()).isCloseTo(-0.42068f, within(1e-5f));
        assertThat(w.grad().toArray()).containsExactly(new float[]{-0.042068f, -0.294473f}, within(1e-5f));
        assertThat(b.grad().item()).isCloseTo(-0.42068f, within(1e-5f));

        // one gradient step with alpha = 0.5
        float alpha = 0.5f;
        Tensor w2 = w.detach().sub(w.grad().mul(alpha));
        Tensor b2 = b.detach().sub(b.grad().mul(alpha));
        assertThat(w2.toArray()).containsExactly(new float[]{0.821034f, 0.347237f}, within(1e-5f));
        assertThat(b2.item()).isCloseTo(0.310338f, within(1e-5f));
        Tensor z2 = w2.mul(x).sum().add(b2);
        Tensor a2 = z2.sigmoid();
        assertThat(z2.item()).isCloseTo(0.63551f, within(1e-5f));
        assertThat(a2.item()).isCloseTo(0.65374f, within(1e-5f));
        assertThat(-Math.log(a2.item())).isCloseTo(0.42505, within(1e-5));
    }

    @Test
    void reluRegressionNetwork() {
        // Linear(w1=5, b1=0) -> ReLU -> Linear(w2=-1, b2=1) -> squared error, x = 3, y = -12
        Tensor x = var("x", 3), w1 = var("w1", 5), b1 = var("b1", 0), w2 = var("w2", -1), b2 = var("b2", 1);
        Tensor z1 = w1.mul(x).add(b1);
        Tensor h = z1.relu();
        Tensor z2 = w2.mul(h).add(b2);
        Tensor loss = z2.sub(Tensor.scalar(-12)).pow(2f);
        loss.backward();
        assertThat(z1.item()).isEqualTo(15f);
        assertThat(h.item()).isEqualTo(15f);
        assertThat(z2.item()).isEqualTo(-14f);
        assertThat(loss.item()).isEqualTo(4f);
        assertThat(z2.grad().item()).isEqualTo(-4f);
        assertThat(w2.grad().item()).isEqualTo(-60f);
        assertThat(b2.grad().item()).isEqualTo(-4f);
        assertThat(w1.grad().item()).isEqualTo(12f);
        assertThat(b1.grad().item()).isEqualTo(4f);
        assertThat(x.grad().item()).isEqualTo(20f);
    }

    @Test
    void vectorizedRulesMatchAutograd() {
        // For q = W x: dL/dW = dL/dq . x^T and dL/dx = W^T . dL/dq
        Random rng = new Random(7);
        Tensor w = Tensor.randn(rng, 5, 3).requiresGrad(true);
        Tensor x = Tensor.randn(rng, 3, 1).requiresGrad(true);
        Tensor upstream = Tensor.randn(rng, 5, 1);
        Tensor q = w.matmul(x);
        q.backward(upstream);
        assertClose(w.grad(), upstream.matmul(x.detach().transpose()));
        assertClose(x.grad(), w.detach().transpose().matmul(upstream));

        // For a sigmoid layer g = sigma(f): dL/df = dL/dg o g o (1 - g)
        Tensor f = Tensor.randn(rng, 4, 6).requiresGrad(true);
        Tensor g = f.sigmoid();
        Tensor dg = Tensor.randn(rng, 4, 6);
        g.backward(dg);
        Tensor gv = g.detach();
        assertClose(f.grad(), dg.mul(gv).mul(gv.neg().add(1f)));
    }

    private static void assertClose(Tensor actual, Tensor expected) {
        assertThat(actual.shape()).isEqualTo(expected.shape());
        assertThat(actual.toArray()).containsExactly(expected.toArray(), within(1e-5f));
    }
}
