package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PolarFeaturesTest {

    @Test
    void aLinearModelSeparatesTheCircleOnlyInPolarCoordinates() {
        PolarFeatures.Accuracy xy = PolarFeatures.circle(false, 1);
        PolarFeatures.Accuracy polar = PolarFeatures.circle(true, 1);
        assertThat(polar.test()).isEqualTo(1f);
        assertThat(xy.test()).isLessThan(0.7f);
    }

    @Test
    void theSameSmallMlpLearnsTheSpiralFarBetterFromRAndTheta() {
        // Same data, seed, network and 400 Adam steps: seed 1 gives 73.2 % from (x1, x2) and 100 % from (r, theta).
        PolarFeatures.Accuracy xy = PolarFeatures.spiral(false, 1, 400);
        PolarFeatures.Accuracy polar = PolarFeatures.spiral(true, 1, 400);
        assertThat(polar.test()).isGreaterThanOrEqualTo(0.98f);
        assertThat(xy.test()).isLessThan(0.85f);
        // And not by luck of one seed.
        for (long seed = 2; seed <= 3; seed++) {
            assertThat(PolarFeatures.spiral(true, seed, 400).test() - PolarFeatures.spiral(false, seed, 400).test())
                    .as("seed %d", seed).isGreaterThan(0.2f);
        }
    }
}
