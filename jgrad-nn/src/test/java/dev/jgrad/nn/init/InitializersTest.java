package dev.jgrad.nn.init;

import dev.jgrad.nn.Parameter;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class InitializersTest {

    private static final int FAN_OUT = 300;
    private static final int FAN_IN = 500;

    private static float[] draw(Initializer init, long seed) {
        Parameter w = Parameter.zeros(FAN_OUT, FAN_IN);
        init.initialize(w, FAN_IN, FAN_OUT, new Random(seed));
        return w.toArray();
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static double variance(float[] v) {
        double m = mean(v);
        double s = 0;
        for (float x : v) {
            s += (x - m) * (x - m);
        }
        return s / v.length;
    }

    @Test
    void torchDrawsWeightsThenBiasUniformInOneOverSqrtFanInAsPyTorchsLinear() {
        // nn.Linear(4, 3): kaiming_uniform_(a=sqrt(5)) gives U(-1/sqrt(4), 1/sqrt(4)) = U(-0.5, 0.5), bias the same.
        dev.jgrad.nn.Linear layer = new dev.jgrad.nn.Linear(4, 3, Initializers.parse("torch"), new Random(9));
        Random rng = new Random(9);
        float[] expected = new float[12 + 3];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = -0.5f + 1f * rng.nextFloat(); // weights row by row, then the bias, from one stream
        }
        float[] got = new float[15];
        System.arraycopy(layer.weight().toArray(), 0, got, 0, 12);
        System.arraycopy(layer.bias().toArray(), 0, got, 12, 3);
        assertThat(got).containsExactly(expected);
        assertThat(variance(draw(Initializers.torch(), 8))).isCloseTo(1.0 / (3 * FAN_IN), within(0.02 / (3 * FAN_IN)));
        // Every other scheme leaves the bias at zero.
        assertThat(new dev.jgrad.nn.Linear(4, 3, Initializers.parse("he"), new Random(9)).bias().toArray())
                .containsExactly(0f, 0f, 0f);
    }

    @Test
    void empiricalVarianceMatchesTheFormula() {
        // 150,000 draws: the sample variance is within about 1% of the true one.
        assertThat(variance(draw(Initializers.glorotNormal(), 1))).isCloseTo(2.0 / (FAN_IN + FAN_OUT), within(0.02 * 2.0 / 800));
        assertThat(variance(draw(Initializers.glorotUniform(), 2))).isCloseTo(2.0 / (FAN_IN + FAN_OUT), within(0.02 * 2.0 / 800));
        assertThat(variance(draw(Initializers.heNormal(), 3))).isCloseTo(2.0 / FAN_IN, within(0.02 * 2.0 / FAN_IN));
        assertThat(variance(draw(Initializers.heUniform(), 4))).isCloseTo(2.0 / FAN_IN, within(0.02 * 2.0 / FAN_IN));
        // The notes' 2*rand - 1: U(-1, 1), variance 1/3.
        float[] u = draw(Initializers.uniform(-1, 1), 5);
        assertThat(variance(u)).isCloseTo(1.0 / 3, within(0.01));
        assertThat(mean(u)).isCloseTo(0, within(0.01));
        float[] n = draw(Initializers.normal(2f, 0.5f), 6);
        assertThat(mean(n)).isCloseTo(2, within(0.01));
        assertThat(variance(n)).isCloseTo(0.25, within(0.005));
    }

    @Test
    void boundsOfUniformSchemes() {
        float glorot = (float) Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
        for (float w : draw(Initializers.glorotUniform(), 7)) {
            assertThat(Math.abs(w)).isLessThanOrEqualTo(glorot);
        }
        for (float w : draw(Initializers.uniform(-0.1f, 0.3f), 8)) {
            assertThat(w).isBetween(-0.1f, 0.3f);
        }
    }

    @Test
    void constantsAndSeeding() {
        float[] quarter = new float[FAN_OUT * FAN_IN];
        java.util.Arrays.fill(quarter, 0.25f);
        assertThat(draw(Initializers.zeros(), 1)).isEqualTo(new float[FAN_OUT * FAN_IN]);
        assertThat(draw(Initializers.constant(0.25f), 1)).isEqualTo(quarter);
        assertThat(draw(Initializers.heNormal(), 42)).isEqualTo(draw(Initializers.heNormal(), 42));
        assertThat(draw(Initializers.heNormal(), 42)).isNotEqualTo(draw(Initializers.heNormal(), 43));
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> Initializers.uniform(1, 1)).hasMessage("uniform initializer: need finite a < b, got a=1.0, b=1.0");
        assertThatThrownBy(() -> Initializers.normal(0, 0)).hasMessage("normal initializer: std must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> Initializers.glorotNormal().initialize(Parameter.zeros(2), 0, 2, new Random(0)))
                .hasMessageContaining("fanIn must be > 0");
    }
}
