package dev.jgrad.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SigmoidRegressionTest {

    @Test
    void theNotesFormulasAndAutogradAgreeWhereTheSigmoidIsNotSaturated() {
        // w1 = 5, b1 = 0, w2 = -1, b2 = 1, x = 0.2, y = 1: u = 1, v = sigma(1) = 0.7310586, z = 0.2689414,
        // l = 0.5344466; dl/dz = 2(z - y) = -1.46211716; dl/dw2 = dl/dz v = -1.06889329; dl/db2 = -1.46211716;
        // dl/du = dl/dz w2 v (1 - v) = 0.28746968; dl/dw1 = 0.2 * that = 0.057493936; dl/db1 = 0.28746968
        SigmoidRegression.Result r = SigmoidRegression.run(5, 0, -1, 1, 0.2, 1);
        assertThat(r.u()).isCloseTo(1, within(1e-12));
        assertThat(r.v()).isCloseTo(0.7310586, within(1e-7));
        assertThat(r.loss()).isCloseTo(0.5344466, within(1e-7));
        double[] want = {-1.06889329, -1.46211716, 0.057493936, 0.28746968};
        for (int i = 0; i < 4; i++) {
            assertThat(r.byHand()[i]).as(SigmoidRegression.Result.NAMES[i]).isCloseTo(want[i], within(1e-7));
            assertThat((double) r.autograd()[i]).as(SigmoidRegression.Result.NAMES[i])
                    .isCloseTo(r.byHand()[i], within(1e-6 * Math.abs(r.byHand()[i]) + 1e-8));
        }
    }

    @Test
    void atTheDecksInitializationTheFirstLayerBarelyLearns() {
        // x = 3, y = -12: u = 15, z = 1 - sigma(15) = 3.059e-7, l = (z + 12)^2 = 144.0000073
        SigmoidRegression.Result r = SigmoidRegression.run(5, 0, -1, 1, 3, -12);
        assertThat(r.u()).isEqualTo(15.0);
        assertThat(r.loss()).isCloseTo(144.0000073, within(1e-6));
        assertThat(r.byHand()[0]).isCloseTo(23.9999927, within(1e-6));   // 2(z - y) v
        assertThat(r.byHand()[1]).isCloseTo(24.0000006, within(1e-6));   // 2(z - y)
        assertThat(r.byHand()[2]).isCloseTo(-2.20249e-5, within(1e-9));  // 2(z - y) w2 sigma'(15) x
        assertThat(r.byHand()[3]).isCloseTo(-7.34165e-6, within(1e-10));
        // float32 autograd: within float resolution for the output layer, a few % for the saturated one.
        assertThat((double) r.autograd()[0]).isCloseTo(r.byHand()[0], within(1e-5));
        assertThat((double) r.autograd()[1]).isCloseTo(r.byHand()[1], within(1e-5));
        assertThat((double) r.autograd()[2]).isCloseTo(r.byHand()[2], within(0.05 * Math.abs(r.byHand()[2])));
    }

    @Test
    void theGraphIsDrawableFromTheCliAndPlayground() {
        assertThat(SeedGraph.byId("sigmoid-regression")).isEqualTo(SeedGraph.SIGMOID_REGRESSION);
        float lossValue = SeedGraph.SIGMOID_REGRESSION.build().item();
        assertThat(lossValue).isCloseTo(0.5344466f, within(1e-6f));
    }
}
