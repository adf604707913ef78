package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FiniteDifferencesTest {

    @Test
    void oneSidedIsFirstOrderAndCenteredSecondOrder() {
        List<FiniteDifferences.Row> rows = FiniteDifferences.table();
        // Fit over 1e-4 <= h <= 1e-1, where truncation dominates rounding in float64.
        assertThat(FiniteDifferences.slope(rows, FiniteDifferences.Row::oneSided, 1e-4, 1e-1)).isCloseTo(1.0, within(0.05));
        assertThat(FiniteDifferences.slope(rows, FiniteDifferences.Row::centered, 1e-4, 1e-1)).isCloseTo(2.0, within(0.05));
        // Leading terms: one-sided h/2 |sigma''(1)| = 0.04543 h; centered h^2/6 |sigma'''(1)| = 0.005888 h^2.
        FiniteDifferences.Row r = rows.stream().filter(x -> Math.abs(x.h() - 1e-3) < 1e-12).findFirst().orElseThrow();
        assertThat(r.oneSided()).isCloseTo(4.543e-5, within(0.01e-5));
        assertThat(r.centered()).isCloseTo(5.888e-9, within(0.01e-9));
        assertThat(FiniteDifferences.exact()).isCloseTo(0.196611933241, within(1e-12));
    }

    @Test
    void inFloat32RoundingTakesOverForSmallSteps() {
        List<FiniteDifferences.Row> rows = FiniteDifferences.table();
        FiniteDifferences.Row atOneHundredth = rows.get(4);
        FiniteDifferences.Row atOneMillionth = rows.get(12);
        assertThat(atOneHundredth.h()).isCloseTo(1e-2, within(1e-15));
        // float32: the centered error is smallest near h = 1e-2 (GradCheck's default) and grows below it.
        assertThat(atOneMillionth.centered32()).isGreaterThan(1000 * atOneHundredth.centered32());
    }

    @Test
    void csvAndSvgHaveEveryRow() {
        List<FiniteDifferences.Row> rows = FiniteDifferences.table();
        String csv = FiniteDifferences.csv(rows);
        assertThat(csv.lines()).hasSize(rows.size() + 1);
        assertThat(csv).startsWith("h,one_sided_error,centered_error,one_sided_error_float32,centered_error_float32\n1.00000,");
        String svg = FiniteDifferences.svg(rows);
        assertThat(svg).startsWith("<svg").endsWith("</svg>\n").contains("O(h^2)");
        assertThat(svg.split("<polyline", -1)).hasSize(5);
    }
}
