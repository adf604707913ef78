package dev.jgrad.activation;

import dev.jgrad.autograd.GradCheck;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Every catalog activation: float32 kernels against the float64 math, the float64 derivative against centered
 * differences, the op's gradient check, the fused layer against the unfused composition, and known values
 * (PyTorch's, to float32).
 */
class ActivationsTest {

    /** Every entry at its defaults, plus parameterized entries at other parameters. */
    static List<ActivationFunction> functions() {
        List<ActivationFunction> all = new ArrayList<>();
        for (dev.jgrad.catalog.Catalog.Entry<ActivationFunction> e : Activations.entries()) {
            all.add(e.create());
        }
        all.add(Activations.parse("leaky-relu:0.1"));
        all.add(Activations.parse("elu:0.5"));
        all.add(Activations.parse("softplus:2,10"));
        all.add(Activations.parse("hardtanh:-2,0.5"));
        return all;
    }

    /** Points on a grid plus jitter, kept 0.02 away from the kinks at 0, -1, 1, -2 and 0.5 (relu, hardtanh). */
    private static float[] points(int n, long seed) {
        Random rng = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            float v;
            do {
                v = (rng.nextFloat() - 0.5f) * 12f;
            } while (nearKink(v));
            x[i] = v;
        }
        return x;
    }

    private static boolean nearKink(double v) {
        for (double k : new double[]{0, -1, 1, -2, 0.5}) {
            if (Math.abs(v - k) < 0.02) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void kernelsMatchTheFloat64MathOnOddSizes(ActivationFunction f) {
        for (int n : new int[]{1, 7, 33, 257, 600}) {
            float[] x = points(n, n);
            float[] y = new float[n + 3];
            f.forward(x, 0, y, 3, n);
            float[] g = new float[n];
            java.util.Arrays.fill(g, 1.5f);
            f.backward(f.backwardReadsInput() ? x : null, 0, y, 3, g, 0, n);
            for (int i = 0; i < n; i++) {
                double v = f.value(x[i]);
                assertThat((double) y[3 + i]).as("%s(%s)", f.spec(), x[i]).isCloseTo(v, within(2e-6 + 2e-6 * Math.abs(v)));
                double d = 1.5 * f.derivative(x[i]);
                assertThat((double) g[i]).as("%s'(%s)", f.spec(), x[i]).isCloseTo(d, within(2e-6 + 5e-6 * Math.abs(d)));
            }
            // in place
            float[] copy = x.clone();
            f.forward(copy, 0, copy, 0, n);
            assertThat(copy).containsExactly(java.util.Arrays.copyOfRange(y, 3, 3 + n));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void derivativeMatchesCenteredDifferencesInFloat64(ActivationFunction f) {
        for (float xf : points(200, 7)) {
            double x = xf;
            double h = 1e-5;
            double numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
            assertThat(f.derivative(x)).as("%s'(%s)", f.spec(), x).isCloseTo(numeric, within(1e-6 + 1e-6 * Math.abs(numeric)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void opPassesTheGradientCheck(ActivationFunction f) {
        Tensor x = Tensor.of(points(24, 3), 4, 6).requiresGrad(true).name("x");
        GradCheck.Report r = GradCheck.check(in -> in[0].apply(f), GradCheck.Options.defaults().withH(5e-3), x);
        assertThat(r.passed()).as(r.toString()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void fusedLayerEqualsTheComposition(ActivationFunction f) {
        Random rng = new Random(5);
        for (int[] dims : new int[][]{{3, 5, 4}, {64, 40, 48}}) { // a direct (tiny) and a GEMM-sized product
            int n = dims[0], in = dims[1], out = dims[2];
            Tensor x1 = Tensor.uniform(rng, -1, 1, n, in).requiresGrad(true);
            Tensor w1 = Tensor.uniform(rng, -1, 1, out, in).requiresGrad(true);
            Tensor b1 = Tensor.uniform(rng, -1, 1, out).requiresGrad(true);
            Tensor up = Tensor.uniform(rng, -1, 1, n, out);
            Tensor x2 = Tensor.of(x1.toArray(), n, in).requiresGrad(true);
            Tensor w2 = Tensor.of(w1.toArray(), out, in).requiresGrad(true);
            Tensor b2 = Tensor.of(b1.toArray(), out).requiresGrad(true);
            Tensor fused = Tensor.linear(x1, w1, b1, f);
            Tensor plain = Tensor.linear(x2, w2, b2).apply(f);
            assertThat(fused.toArray()).containsExactly(plain.toArray(), org.assertj.core.data.Offset.offset(1e-5f));
            fused.mul(up).sum().backward();
            plain.mul(up).sum().backward();
            assertThat(x1.grad().toArray()).containsExactly(x2.grad().toArray(), org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(w1.grad().toArray()).containsExactly(w2.grad().toArray(), org.assertj.core.data.Offset.offset(1e-4f));
            assertThat(b1.grad().toArray()).containsExactly(b2.grad().toArray(), org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void specParsesBackToTheSameFunction(ActivationFunction f) {
        ActivationFunction back = Activations.parse(f.spec());
        assertThat(back.spec()).isEqualTo(f.spec());
        assertThat(back).isEqualTo(f);
        assertThat(back.displayName()).isNotBlank();
    }

    @Test
    void knownValuesAsPyTorchGivesThem() {
        assertThat(Activations.GELU.value(1)).isCloseTo(0.8413447, within(1e-7));
        assertThat(Activations.GELU.value(-1)).isCloseTo(-0.1586553, within(1e-7));
        assertThat(Activations.GELU.value(-5)).isCloseTo(-1.4332579e-6, within(1e-12));
        assertThat(Activations.SILU.value(1)).isCloseTo(0.7310586, within(1e-7));
        assertThat(Activations.MISH.value(1)).isCloseTo(0.8650984, within(1e-7));
        assertThat(Activations.parse("elu").value(-1)).isCloseTo(-0.6321206, within(1e-7));
        assertThat(Activations.parse("softplus").value(1)).isCloseTo(1.3132616, within(1e-7));
        assertThat(Activations.parse("softplus").value(30)).isEqualTo(30);
        assertThat(Activations.parse("hardtanh").value(2)).isEqualTo(1);
        assertThat(Activations.parse("leaky-relu:0.1").value(-2)).isCloseTo(-0.2, within(1e-8));
        assertThat(Activations.parse("leaky-relu").spec()).isEqualTo("leaky-relu:0.01");
        // a float32 kernel in the far left tail keeps its relative accuracy
        float[] y = new float[1];
        Activations.GELU.forward(new float[]{-5f}, 0, y, 0, 1);
        assertThat((double) y[0]).isCloseTo(-1.4332579e-6, within(1e-11));
    }

    @Test
    void aliasesCaseAndSeparatorsAreAccepted() {
        assertThat(Activations.parse("Leaky_ReLU:0.2").spec()).isEqualTo("leaky-relu:0.2");
        assertThat(Activations.parse("swish")).isEqualTo(Activations.SILU);
        assertThat(Activations.parse("linear")).isEqualTo(Activations.IDENTITY);
    }

    @Test
    void badSpecsGetOneClearLine() {
        assertThatThrownBy(() -> Activations.parse("relu6")).hasMessageContaining("unknown activation 'relu6'")
                .hasMessageContaining("leaky-relu");
        assertThatThrownBy(() -> Activations.parse("leaky-relu:abc")).hasMessageContaining("'abc' is not a number")
                .hasMessageContaining("alpha (default 0.01)");
        assertThatThrownBy(() -> Activations.parse("leaky-relu:0.1,2")).hasMessageContaining("takes alpha");
        assertThatThrownBy(() -> Activations.parse("leaky-relu:-1")).hasMessageContaining("alpha must be >= 0");
        assertThatThrownBy(() -> Activations.parse("hardtanh:1,-1")).hasMessageContaining("need min < max");
        assertThatThrownBy(() -> Activations.parse("elu:NaN")).hasMessageContaining("must be finite");
        assertThatThrownBy(() -> Activations.register(new dev.jgrad.catalog.Catalog.Entry<>("relu", List.of(), "x", "x", List.of(),
                new double[0], p -> Activations.RELU))).hasMessageContaining("already registered");
    }
}
