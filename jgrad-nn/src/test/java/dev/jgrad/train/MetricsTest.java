package dev.jgrad.train;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void accuracyForMultiClassAndBinaryOutputs() {
        Tensor scores = Tensor.of(new float[]{0.1f, 0.7f, 0.2f, 0.8f, 0.1f, 0.1f, 0.3f, 0.3f, 0.4f, 0.2f, 0.5f, 0.3f}, 4, 3);
        Tensor labels = Tensor.of(new float[]{1, 0, 0, 1}, 4);
        assertThat(Metrics.accuracy().compute(scores, labels)).isEqualTo(0.75);
        assertThat(Metrics.accuracy().compute(scores, Tensor.oneHot(new int[]{1, 0, 2, 1}, 3))).isEqualTo(1.0);
        Tensor probs = Tensor.of(new float[]{0.9f, 0.4f, 0.6f, 0.1f}, 4, 1);
        Tensor binary = Tensor.of(new float[]{1, 1, 0, 0}, 4, 1);
        assertThat(Metrics.accuracy().compute(probs, binary)).isEqualTo(0.5);
        assertThat(Metrics.accuracy(0.65f).compute(probs, binary)).isEqualTo(0.75);
    }

    @Test
    void regressionMetrics() {
        Tensor p = Tensor.of(new float[]{1, 2, 3, 4}, 4, 1);
        Tensor t = Tensor.of(new float[]{1, 3, 2, 6}, 4, 1);
        // errors 0, -1, 1, -2: MSE 6/4, MAE 4/4; mean(t) = 3, SS_tot = 4+0+1+9 = 14, R^2 = 1 - 6/14
        assertThat(Metrics.mse().compute(p, t)).isEqualTo(1.5);
        assertThat(Metrics.mae().compute(p, t)).isEqualTo(1.0);
        assertThat(Metrics.r2().compute(p, t)).isCloseTo(1 - 6.0 / 14, within(1e-12));
        assertThat(Metrics.r2().compute(t, t)).isEqualTo(1.0);
        assertThat(Metrics.mse().higherIsBetter()).isFalse();
        assertThat(Metrics.r2().higherIsBetter()).isTrue();
    }

    @Test
    void confusionMatrixCountsAndPerClassScores() {
        int[] predicted = {0, 0, 1, 1, 1, 2, 2, 0};
        int[] actual = {0, 0, 1, 1, 0, 2, 1, 2};
        ConfusionMatrix m = ConfusionMatrix.of(predicted, actual, 3, List.of("cat", "dog", "fox"));
        assertThat(m.count(0, 0)).isEqualTo(2);
        assertThat(m.count(0, 1)).isEqualTo(1);
        assertThat(m.count(1, 2)).isEqualTo(1);
        assertThat(m.count(2, 0)).isEqualTo(1);
        assertThat(m.total()).isEqualTo(8);
        assertThat(m.accuracy()).isEqualTo(5.0 / 8);
        // class 0: predicted 3 times (2 right), actually 3 times (2 found)
        assertThat(m.precision(0)).isEqualTo(2.0 / 3);
        assertThat(m.recall(0)).isEqualTo(2.0 / 3);
        // class 1: predicted 3 (2 right), actual 3 (2 found); class 2: predicted 2 (1 right), actual 2 (1 found)
        assertThat(m.f1(1)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.f1(2)).isCloseTo(0.5, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((2.0 / 3 + 2.0 / 3 + 0.5) / 3, within(1e-12));
        assertThat(m.toString()).isEqualTo("""
                actual \\ predicted    cat    dog    fox
                               cat      2      1      0
                               dog      0      2      1
                               fox      1      0      1
                class  precision     recall         f1    support
                  cat      0.667      0.667      0.667          3
                  dog      0.667      0.667      0.667          3
                  fox      0.500      0.500      0.500          2
                accuracy 0.625 over 8 samples, macro F1 0.611""");
    }

    @Test
    void confusionMatrixFromTensors() {
        Tensor scores = Tensor.of(new float[]{2, 1, 0, 3, 1, 0}, 3, 2);
        ConfusionMatrix m = ConfusionMatrix.of(scores, Tensor.of(new float[]{0, 1, 1}, 3), 2);
        assertThat(m.count(0, 0)).isEqualTo(1);
        assertThat(m.count(1, 1)).isEqualTo(1);
        assertThat(m.count(1, 0)).isEqualTo(1);
        assertThat(m.recall(1)).isEqualTo(0.5);
        assertThat(m.precision(1)).isEqualTo(1.0);
        // class 0: precision 1/2, recall 1 -> F1 2/3; class 1: precision 1, recall 1/2 -> F1 2/3
        assertThat(Metrics.macroF1(2).compute(scores, Tensor.of(new float[]{0, 1, 1}, 3))).isCloseTo(2.0 / 3, within(1e-12));
    }
}
