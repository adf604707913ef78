package dev.jgrad.bench.e2e;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The per-epoch fraction of the FMA burst taken before each epoch: arithmetic, warm-up and missing bursts. */
class EpochTimerTest {

    @Test
    void eachEpochIsDividedByItsOwnBurstAndTheMedianIsTaken() {
        // 2 GFLOP per epoch: 0.05 s at a 50 GFLOPS burst is 80 %; 0.1 s at 25 GFLOPS is 80 % too (a slowed host
        // slows both); 0.04 s at 80 GFLOPS is 62.5 %. The first epoch (warm-up) is dropped.
        List<Double> seconds = List.of(1.0, 0.05, 0.1, 0.04);
        List<Double> peaks = List.of(80.0, 50.0, 25.0, 80.0);
        assertThat(EpochTimer.medianPeakFraction(seconds, peaks, 1, 2e9)).isCloseTo(0.8, within(1e-12));
        assertThat(EpochTimer.medianPeakFraction(seconds, peaks, 3, 2e9)).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void withoutBurstsThereIsNoFraction() {
        assertThat(EpochTimer.medianPeakFraction(List.of(0.1, 0.1), List.of(), 0, 1e9)).isNaN();
        assertThat(new EpochTimer().medianPeakFraction(0, 1e9)).isNaN();
    }
}
