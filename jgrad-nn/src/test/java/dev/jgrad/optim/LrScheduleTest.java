package dev.jgrad.optim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LrScheduleTest {

    @Test
    void stepDecay() {
        LrSchedule s = LrSchedule.step(0.1, 10, 0.5);
        assertThat(s.lr(0)).isEqualTo(0.1);
        assertThat(s.lr(9)).isEqualTo(0.1);
        assertThat(s.lr(10)).isEqualTo(0.05);
        assertThat(s.lr(25)).isCloseTo(0.025, within(1e-15));
    }

    @Test
    void exponentialDecay() {
        LrSchedule s = LrSchedule.exponential(1.0, 0.9);
        assertThat(s.lr(0)).isEqualTo(1.0);
        assertThat(s.lr(2)).isCloseTo(0.81, within(1e-15));
    }

    @Test
    void cosineAnnealing() {
        LrSchedule s = LrSchedule.cosine(1.0, 0.1, 10);
        assertThat(s.lr(0)).isCloseTo(1.0, within(1e-15));
        assertThat(s.lr(5)).isCloseTo(0.55, within(1e-12));
        assertThat(s.lr(10)).isEqualTo(0.1);
        assertThat(s.lr(50)).isEqualTo(0.1);
    }

    @Test
    void linearWarmupThenSchedule() {
        LrSchedule s = LrSchedule.warmup(4, LrSchedule.step(0.1, 2, 0.5));
        assertThat(s.lr(0)).isCloseTo(0.025, within(1e-15));
        assertThat(s.lr(1)).isCloseTo(0.05, within(1e-15));
        assertThat(s.lr(3)).isCloseTo(0.1, within(1e-15));
        assertThat(s.lr(4)).isEqualTo(0.1);
        assertThat(s.lr(6)).isEqualTo(0.05);
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> LrSchedule.step(0.1, 0, 0.5)).hasMessage("StepDecay: stepSize must be > 0, got 0");
        assertThatThrownBy(() -> LrSchedule.exponential(-1, 0.5)).hasMessage("ExponentialDecay: base must be > 0, got -1.0");
        assertThatThrownBy(() -> LrSchedule.cosine(0.1, 0.5, 10)).hasMessage("CosineAnnealing: min must be in (0, base], got 0.5");
    }
}
