package dev.jgrad.playground.data;

import dev.jgrad.playground.state.Choices;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeaturesTest {

    @Test
    void polarCoordinatesAreFeatures() {
        // (3, 4): r = 5, theta = atan2(4, 3) = 0.9272952; (-1, 0): theta = pi; (0, -2): theta = -pi/2
        float[] m = Features.matrix(List.of("r", "theta"), new float[]{3f, -1f, 0f}, new float[]{4f, 0f, -2f});
        assertThat(m).containsExactly(new float[]{5f, 0.9272952f, 1f, (float) Math.PI, 2f, (float) (-Math.PI / 2)},
                within(1e-6f));
        assertThat(Features.value("theta", 0f, 0f)).isZero();
    }

    @Test
    void everyChoiceHasAFormula() {
        assertThat(Choices.FEATURES).endsWith("r", "theta");
        for (String f : Choices.FEATURES) {
            assertThat(Features.value(f, 0.5f, -1.5f)).as(f).isFinite();
        }
        assertThatThrownBy(() -> Features.value("phi", 0, 0)).hasMessage("Features: unknown feature 'phi'");
    }
}
