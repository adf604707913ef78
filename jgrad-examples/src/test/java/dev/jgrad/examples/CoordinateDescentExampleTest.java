package dev.jgrad.examples;

import dev.jgrad.nn.Linear;
import dev.jgrad.optim.SearchResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CoordinateDescentExampleTest {

    @Test
    void theNotesGuessAndTheOneWeightNudge() {
        Linear m = CoordinateDescentExample.notesModel();
        // -1 + 0.5 * 3 + 0.1 * 2 = 0.7; MSE = ((0.7 - 1)^2 + (-1 - 1 - 0.3 - 0)^2) / 2 = (0.09 + 5.29) / 2 = 2.69
        assertThat(CoordinateDescentExample.firstOutput(m)).isCloseTo(0.7f, within(1e-6f));
        assertThat(CoordinateDescentExample.mse(m).getAsDouble()).isCloseTo(2.69, within(1e-5));
        m.weight().set(0.6f, 0, 0);
        assertThat(CoordinateDescentExample.firstOutput(m)).isCloseTo(1.0f, within(1e-6f));
    }

    @Test
    void coordinateDescentAndRandomGuessingReduceTheLoss() {
        SearchResult cd = CoordinateDescentExample.coordinateDescent(CoordinateDescentExample.notesModel(), 1, 300);
        assertThat(cd.initialLoss()).isCloseTo(2.69, within(1e-5));
        assertThat(cd.bestLoss()).isLessThan(0.01);
        SearchResult rs = CoordinateDescentExample.randomSearch(CoordinateDescentExample.notesModel(), 7, 500);
        assertThat(rs.bestLoss()).isLessThan(0.1 * rs.initialLoss());
    }
}
