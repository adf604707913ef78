package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GradientDescentStepsTest {

    @Test
    void alphaPointThreeConvergesByAFactorOfPointFourPerStep() {
        // x_{k+1} = x_k - 0.3 * 2 x_k = 0.4 x_k: 2, 0.8, 0.32, 0.128, ...
        List<GradientDescentSteps.Step> path = GradientDescentSteps.run(2f, 0.3f, 10);
        assertThat(path.get(0).grad()).isEqualTo(4f);
        assertThat(path.get(1).x()).isCloseTo(0.8f, within(1e-6f));
        assertThat(path.get(2).x()).isCloseTo(0.32f, within(1e-6f));
        assertThat(path.get(3).x()).isCloseTo(0.128f, within(1e-6f));
        for (GradientDescentSteps.Step s : path) {
            assertThat(s.next()).isCloseTo(0.4f * s.x(), within(1e-6f * Math.abs(s.x())));
            assertThat(s.grad()).isEqualTo(2 * s.x());
        }
        assertThat(path.get(9).next()).isCloseTo((float) (2 * Math.pow(0.4, 10)), within(1e-8f));
        assertThat(GradientDescentSteps.table(2f, 0.3f, 10)).contains("converges to the minimum x = 0");
    }

    @Test
    void alphaOnePointFiveDivergesByAFactorOfMinusTwoPerStep() {
        // x_{k+1} = x_k - 1.5 * 2 x_k = -2 x_k: 2, -4, 8, -16, ... (exact in float)
        List<GradientDescentSteps.Step> path = GradientDescentSteps.run(2f, 1.5f, 10);
        float x = 2f;
        for (GradientDescentSteps.Step s : path) {
            assertThat(s.x()).isEqualTo(x);
            assertThat(s.f()).isEqualTo(x * x);
            x *= -2f;
        }
        assertThat(path.get(9).next()).isEqualTo(2048f);
        assertThat(GradientDescentSteps.table(2f, 1.5f, 10)).contains("diverges").contains("-2");
    }
}
