package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LossDerivativesTest {

    @Test
    void jgradAgreesWithTheCorrectDerivativeEverywhere() {
        for (LossDerivatives.Point p : LossDerivatives.points()) {
            assertThat((double) p.autograd()).as("%s at y^ = %s", p.entry().name(), p.yHat()).isEqualTo(p.correct());
        }
    }

    @Test
    void theNotesAreWrongExactlyForL1AndHubersLinearPieces() {
        List<LossDerivatives.Point> points = LossDerivatives.points();
        for (LossDerivatives.Point p : points) {
            String name = p.entry().name();
            boolean linearPiece = Math.abs(p.y() - p.yHat()) > LossDerivatives.DELTA;
            boolean expectWrong = name.equals("L1") || (name.startsWith("Huber") && linearPiece);
            assertThat(p.notesAreRight()).as("%s at y^ = %s", name, p.yHat()).isEqualTo(!expectWrong);
            if (expectWrong) {
                assertThat(p.notes()).isEqualTo(-p.correct()); // a sign flip, nothing else
            }
        }
        // y = 0, y^ = 3: L1's derivative is +1 (the notes say -1); Huber's is +delta = +1 (the notes say -1).
        LossDerivatives.Point l1 = points.stream().filter(p -> p.entry().name().equals("L1") && p.yHat() == 3).findFirst().orElseThrow();
        assertThat(l1.autograd()).isEqualTo(1f);
        assertThat(l1.notes()).isEqualTo(-1.0);
    }

    @Test
    void thePrintedReportFlagsTheSixWrongValues() {
        String report = LossDerivatives.report();
        // L1 at all four points, Huber at the two beyond delta (y^ = -3 and 3).
        assertThat(report.split("the notes' sign is wrong", -1)).hasSize(7);
        assertThat(report).contains("     0.0    3.0      -1.00       1.00       1.00  <- the notes' sign is wrong")
                .contains("     0.0    0.5       1.00       1.00       1.00\n");
    }
}
