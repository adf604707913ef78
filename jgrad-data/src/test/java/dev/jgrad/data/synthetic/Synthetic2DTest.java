package dev.jgrad.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class Synthetic2DTest {

    @ParameterizedTest
    @EnumSource(Shape2D.class)
    void sameSeedGivesIdenticalPointsAndOtherSeedDiffers(Shape2D shape) {
        Points2D a = Synthetic2D.generate(shape, 200, 0.2, 42L);
        Points2D b = Synthetic2D.generate(shape, 200, 0.2, 42L);
        Points2D c = Synthetic2D.generate(shape, 200, 0.2, 43L);
        assertThat(a).isEqualTo(b);
        assertThat(a.x1()).containsExactly(b.x1());
        assertThat(a.x2()).containsExactly(b.x2());
        assertThat(a.label()).containsExactly(b.label());
        assertThat(Arrays.equals(a.x1(), c.x1()) && Arrays.equals(a.x2(), c.x2())).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Shape2D.class)
    void countsAreExactForEvenAndOddN(Shape2D shape) {
        assertThat(Synthetic2D.generate(shape, 500, 0, 1L).size()).isEqualTo(500);
        assertThat(Synthetic2D.generate(shape, 7, 0, 1L).size()).isEqualTo(7);
        assertThat(Synthetic2D.generate(shape, 0, 0, 1L).size()).isZero();
    }

    @Test
    void binaryShapesAreBalancedPlusMinusOneWithoutNoise() {
        for (Shape2D shape : new Shape2D[] {Shape2D.CIRCLE, Shape2D.GAUSS, Shape2D.SPIRAL, Shape2D.MOONS}) {
            Points2D p = Synthetic2D.generate(shape, 501, 0, 5L);
            long pos = count(p.label(), 1f);
            long neg = count(p.label(), -1f);
            assertThat(pos).as(shape.id()).isEqualTo(251);
            assertThat(neg).as(shape.id()).isEqualTo(250);
            assertThat(p.numClasses()).isEqualTo(2);
            assertThat(p.regression()).isFalse();
            assertThat(p.binary()).isTrue();
        }
        // XOR and checkerboard draw uniformly, so balance is only statistical: 2000 draws, within 5 sd.
        for (Shape2D shape : new Shape2D[] {Shape2D.XOR, Shape2D.CHECKERBOARD}) {
            Points2D p = Synthetic2D.generate(shape, 2000, 0, 5L);
            assertThat(count(p.label(), 1f) + count(p.label(), -1f)).isEqualTo(2000);
            assertThat(count(p.label(), 1f)).as(shape.id()).isBetween(1000L - 112, 1000L + 112);
        }
    }

    @Test
    void circleWithoutNoisePutsPositivesInsideRadiusTwoAndAHalfAndNegativesInTheRing() {
        Points2D p = Synthetic2D.generate(Shape2D.CIRCLE, 1000, 0, 11L);
        for (int i = 0; i < p.size(); i++) {
            double r = Math.hypot(p.x1()[i], p.x2()[i]);
            if (i < 500) {
                assertThat(p.label()[i]).isEqualTo(1f);
                assertThat(r).isLessThan(2.5 + 1e-5);
            } else {
                assertThat(p.label()[i]).isEqualTo(-1f);
                assertThat(r).isBetween(3.5 - 1e-5, 5 + 1e-5);
            }
        }
    }

    @Test
    void circleWithNoiseLabelsFromTheNoisyPositionSoSomeLabelsFlipButPointsStayClean() {
        Points2D p = Synthetic2D.generate(Shape2D.CIRCLE, 1000, 0.5, 11L);
        long flipped = 0;
        for (int i = 0; i < p.size(); i++) {
            double r = Math.hypot(p.x1()[i], p.x2()[i]);
            assertThat(r).isLessThan(5 + 1e-5);
            boolean drawnInside = i < 500;
            if ((p.label()[i] > 0) != drawnInside) {
                flipped++;
            }
        }
        assertThat(flipped).isGreaterThan(50).isLessThan(700);
    }

    @Test
    void xorWithoutNoiseFollowsTheSignRuleAndKeepsThePaddingGap() {
        Points2D p = Synthetic2D.generate(Shape2D.XOR, 1000, 0, 3L);
        for (int i = 0; i < p.size(); i++) {
            float x = p.x1()[i];
            float y = p.x2()[i];
            assertThat(p.label()[i]).isEqualTo(x * y >= 0 ? 1f : -1f);
            assertThat(Math.abs(x)).isBetween(0.3f, 5.3f);
            assertThat(Math.abs(y)).isBetween(0.3f, 5.3f);
        }
    }

    @Test
    void gaussClustersAroundPlusAndMinusTwoWithPlaygroundVariance() {
        // Variance 0.5 at noise 0 and 4 at noise 0.5 (the playground's linear scale).
        Points2D p0 = Synthetic2D.generate(Shape2D.GAUSS, 20000, 0, 9L);
        Points2D p5 = Synthetic2D.generate(Shape2D.GAUSS, 20000, 0.5, 9L);
        assertThat(mean(p0.x1(), 0, 10000)).isCloseTo(2, within(0.03));
        assertThat(mean(p0.x2(), 10000, 20000)).isCloseTo(-2, within(0.03));
        assertThat(variance(p0.x1(), 0, 10000)).isCloseTo(0.5, within(0.03));
        assertThat(variance(p5.x2(), 10000, 20000)).isCloseTo(4, within(0.2));
    }

    @Test
    void spiralWithoutNoiseStartsAtTheOriginAndReachesRadiusFive() {
        Points2D p = Synthetic2D.generate(Shape2D.SPIRAL, 200, 0, 1L);
        assertThat(p.x1()[0]).isZero();
        assertThat(p.x2()[0]).isZero();
        // Point j of an arm has radius j / 100 * 5.
        assertThat(Math.hypot(p.x1()[99], p.x2()[99])).isCloseTo(4.95, within(1e-5));
        assertThat(Math.hypot(p.x1()[150], p.x2()[150])).isCloseTo(2.5, within(1e-5));
        // Second arm is the first rotated by pi: point j of one is the negation of point j of the other.
        assertThat(p.x1()[100 + 37]).isCloseTo(-p.x1()[37], within(1e-5f));
        assertThat(p.x2()[100 + 37]).isCloseTo(-p.x2()[37], within(1e-5f));
    }

    @Test
    void planeTargetIsSumOverTenWithoutNoise() {
        Points2D p = Synthetic2D.generate(Shape2D.PLANE, 300, 0, 2L);
        assertThat(p.regression()).isTrue();
        assertThat(p.numClasses()).isZero();
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.label()[i]).isCloseTo((p.x1()[i] + p.x2()[i]) / 10f, within(1e-5f));
            assertThat(p.x1()[i]).isBetween(-6f, 6f);
        }
    }

    @Test
    void multiGaussLabelMatchesTheBumpFormula() {
        assertThat(Synthetic2D.multiGaussLabel(-4, 2.5)).isEqualTo(1.0);
        assertThat(Synthetic2D.multiGaussLabel(0, 2.5)).isEqualTo(-1.0);
        assertThat(Synthetic2D.multiGaussLabel(4, -3.5)).isCloseTo(-0.5, within(1e-12));
        assertThat(Synthetic2D.multiGaussLabel(2, 0)).isEqualTo(0.0);
        Points2D p = Synthetic2D.generate(Shape2D.MULTI_GAUSS, 500, 0, 2L);
        for (int i = 0; i < p.size(); i++) {
            assertThat((double) p.label()[i])
                    .isCloseTo(Synthetic2D.multiGaussLabel(p.x1()[i], p.x2()[i]), within(1e-5));
            assertThat(p.label()[i]).isBetween(-1f, 1f);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Shape2D.class, names = {"CIRCLE", "XOR", "SPIRAL", "PLANE", "MULTI_GAUSS", "CHECKERBOARD", "SPIRALS"})
    void pointsStayInThePlaygroundView(Shape2D shape) {
        Points2D p = Synthetic2D.generate(shape, 1000, 0.5, 8L);
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.x1()[i]).isBetween(-6f, 6f);
            assertThat(p.x2()[i]).isBetween(-6f, 6f);
        }
    }

    @Test
    void checkerboardWithoutNoiseColoursCellsAlternately() {
        Points2D p = Synthetic2D.generate(Shape2D.CHECKERBOARD, 1000, 0, 4L);
        for (int i = 0; i < p.size(); i++) {
            int cx = (int) Math.floor(p.x1()[i] / 3);
            int cy = (int) Math.floor(p.x2()[i] / 3);
            assertThat(p.label()[i]).isEqualTo(Math.floorMod(cx + cy, 2) == 0 ? 1f : -1f);
        }
        assertThat(Synthetic2D.checkerLabel(0.5, 0.5, 3)).isEqualTo(1.0);
        assertThat(Synthetic2D.checkerLabel(-0.5, 0.5, 3)).isEqualTo(-1.0);
        assertThat(Synthetic2D.checkerLabel(-3.5, 0.5, 3)).isEqualTo(1.0);
    }

    @Test
    void moonsWithoutNoiseLieOnTheirArcs() {
        Points2D p = Synthetic2D.generate(Shape2D.MOONS, 400, 0, 6L);
        for (int i = 0; i < p.size(); i++) {
            double ux = p.x1()[i] / 4.0 + 0.5;
            double uy = p.x2()[i] / 4.0 + 0.25;
            if (p.label()[i] > 0) {
                assertThat(Math.hypot(ux, uy)).isCloseTo(1, within(1e-5));
                assertThat(uy).isGreaterThanOrEqualTo(-1e-6);
            } else {
                assertThat(Math.hypot(ux - 1, uy - 0.5)).isCloseTo(1, within(1e-5));
                assertThat(uy).isLessThanOrEqualTo(0.5 + 1e-6);
            }
        }
    }

    @Test
    void kClassSpiralsAndBlobsHaveLabelsZeroToKMinusOneBalancedWithinOne() {
        for (Shape2D shape : new Shape2D[] {Shape2D.SPIRALS, Shape2D.BLOBS}) {
            Points2D p = Synthetic2D.generate(shape, 301, 0.1, 5, 12L);
            assertThat(p.numClasses()).isEqualTo(5);
            int[] idx = p.classIndices();
            int[] counts = new int[5];
            for (int c : idx) {
                counts[c]++;
            }
            assertThat(counts).containsExactly(61, 60, 60, 60, 60);
        }
        assertThat(Synthetic2D.generate(Shape2D.BLOBS, 10, 0, 1L).numClasses()).isEqualTo(3);
    }

    @Test
    void blobCentresSitOnRadiusFour() {
        Points2D p = Synthetic2D.generate(Shape2D.BLOBS, 40000, 0, 4, 3L);
        // class 1 centre: angle 45 + 90 degrees
        double cx = 4 * Math.cos(3 * Math.PI / 4);
        double cy = 4 * Math.sin(3 * Math.PI / 4);
        assertThat(mean(p.x1(), 10000, 20000)).isCloseTo(cx, within(0.03));
        assertThat(mean(p.x2(), 10000, 20000)).isCloseTo(cy, within(0.03));
    }

    @Test
    void classIndicesMapPlusOneToOneAndMinusOneToZero() {
        Points2D p = new Points2D(new float[] {0, 0, 0}, new float[] {0, 0, 0}, new float[] {1, -1, 1}, 2, false);
        assertThat(p.classIndices()).containsExactly(1, 0, 1);
        assertThat(Points2D.toClassIndex(-1f)).isZero();
        assertThat(p.features()).hasSize(6);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.CIRCLE, 10, 0.6, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("noise");
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.CIRCLE, 10, Double.NaN, 1L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.CIRCLE, -1, 0, 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("n must be");
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.XOR, 10, 0, 3, 1L))
                .hasMessageContaining("fixed class count of 2");
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.SPIRALS, 10, 0, 1, 1L))
                .hasMessageContaining("classes must be >= 2");
        assertThatThrownBy(() -> Synthetic2D.generate(Shape2D.PLANE, 10, 0, 0, 1L).classIndices())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shapeParsesCliAndPlaygroundNames() {
        assertThat(Shape2D.parse("multi-gauss")).isEqualTo(Shape2D.MULTI_GAUSS);
        assertThat(Shape2D.parse("reg-plane")).isEqualTo(Shape2D.PLANE);
        assertThat(Shape2D.parse("Spirals")).isEqualTo(Shape2D.SPIRALS);
        assertThatThrownBy(() -> Shape2D.parse("donut")).hasMessageContaining("known: circle, xor");
    }

    private static long count(float[] labels, float value) {
        long c = 0;
        for (float v : labels) {
            if (v == value) {
                c++;
            }
        }
        return c;
    }

    private static double mean(float[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s / (to - from);
    }

    private static double variance(float[] a, int from, int to) {
        double m = mean(a, from, to);
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (a[i] - m) * (a[i] - m);
        }
        return s / (to - from);
    }
}
