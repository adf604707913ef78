package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DerivativesTest {

    @Test
    void productAtTheNotesPointHasTheNotesPartials() {
        // Deck 001: x = 5, y = -2 -> f = -10, df/dx = -2, df/dy = 5
        Derivatives.Product p = Derivatives.product(5, -2);
        assertThat(p.f()).isEqualTo(-10f);
        assertThat(p.dfdx()).isEqualTo(-2f);
        assertThat(p.dfdy()).isEqualTo(5f);
        assertThat(p.toString()).isEqualTo("f(x, y) = x*y at x = 5, y = -2: f = -10, df/dx = y = -2, df/dy = x = 5");
    }

    @Test
    void everyRowOfTheTableAgreesWithItsClosedForm() {
        List<Derivatives.Check> checks = Derivatives.checkTable();
        assertThat(checks).hasSize(4 * Derivatives.table().size());
        for (Derivatives.Check c : checks) {
            assertThat(c.agrees()).as("%s at x = %s: autograd %s, closed form %s", c.row().function(), c.x(),
                    c.autograd(), c.closedForm()).isTrue();
        }
        assertThat(Derivatives.table()).extracting(Derivatives.Row::function)
                .contains("e^x", "1/x", "a*x (a = 3)", "c + x (c = 7)", "LeakyReLU(x) = max(0.1x, x)");
    }

    @Test
    void theCheckCanFail() {
        // A row whose "closed form" is wrong must be reported as a mismatch.
        Derivatives.Row wrong = new Derivatives.Row("1/x", "1/x^2 (sign dropped)", x -> x.pow(-1f), x -> 1 / (x * x),
                new float[]{2f});
        Derivatives.Check c = new Derivatives.Check(wrong, 2f, -0.25f, 0.25);
        assertThat(c.agrees()).isFalse();
    }

    @Test
    void specificValuesOfTheTable() {
        // e^x at 1.5 = 4.4816891; sigmoid'(-2) = 0.1049936; leaky'(-0.5) = 0.1 (the notes' alpha)
        for (Derivatives.Check c : Derivatives.checkTable()) {
            if (c.row().function().equals("e^x") && c.x() == 1.5f) {
                assertThat((double) c.autograd()).isCloseTo(4.4816891, org.assertj.core.api.Assertions.within(1e-6));
            }
            if (c.row().function().startsWith("LeakyReLU") && c.x() < 0) {
                assertThat(c.autograd()).isEqualTo(0.1f);
            }
        }
        assertThat(Derivatives.LEAKY_ALPHA).isEqualTo(0.1f);
    }
}
