package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DropoutTest {

    @Test
    void trainingZeroesAboutPAndScalesSurvivors() {
        Dropout d = new Dropout(0.25f, new Random(5));
        float[] y = d.forward(Tensor.ones(100, 100)).toArray();
        int zeros = 0;
        for (float v : y) {
            if (v == 0f) {
                zeros++;
            } else {
                assertThat(v).isEqualTo(1f / 0.75f);
            }
        }
        assertThat(zeros / 10000.0).isCloseTo(0.25, within(0.02));
    }

    @Test
    void evalIsIdentityAndSameSeedSameMask() {
        Tensor x = Tensor.randn(new Random(1), 4, 5);
        Dropout d = new Dropout(0.5f, new Random(2));
        d.eval();
        assertThat(d.forward(x).toArray()).containsExactly(x.toArray());
        float[] a = new Dropout(0.5f, new Random(9)).forward(x).toArray();
        float[] b = new Dropout(0.5f, new Random(9)).forward(x).toArray();
        assertThat(a).containsExactly(b);
    }

    @Test
    void gradientFlowsOnlyThroughKeptUnits() {
        Tensor x = Tensor.ones(1, 1000).requiresGrad(true);
        Tensor y = new Dropout(0.5f, new Random(3)).forward(x);
        y.sum().backward();
        assertThat(x.grad().toArray()).containsExactly(y.toArray());
    }

    @Test
    void onceReseededARowsMaskDependsOnItsStepAndPositionNotOnTheBatchCut() {
        Tensor x = Tensor.ones(4, 50);
        Dropout whole = new Dropout(0.5, new Random(1));
        whole.reseed(77);
        whole.atRows(3, 0);
        float[] all = whole.forward(x).toArray();
        Dropout halves = new Dropout(0.5, new Random(2)); // another construction Random: not used once reseeded
        halves.reseed(77);
        halves.atRows(3, 0);
        float[] first = halves.forward(Tensor.ones(2, 50)).toArray();
        halves.atRows(3, 2);
        float[] second = halves.forward(Tensor.ones(2, 50)).toArray();
        assertThat(java.util.Arrays.copyOfRange(all, 0, 100)).containsExactly(first);
        assertThat(java.util.Arrays.copyOfRange(all, 100, 200)).containsExactly(second);
        assertThat(first).isNotEqualTo(second); // rows 0-1 and 2-3 get different masks
        halves.atRows(4, 0);
        assertThat(halves.forward(Tensor.ones(2, 50)).toArray()).isNotEqualTo(first); // so does the next step
    }

    @Test
    void validatesP() {
        assertThatThrownBy(() -> new Dropout(1f, new Random(0))).hasMessage("Dropout: p must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new Dropout(-0.1, new Random(0))).hasMessage("Dropout: p must be in [0, 1), got -0.1");
    }
}
