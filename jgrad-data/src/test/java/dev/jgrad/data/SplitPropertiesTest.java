package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Splits never lose or duplicate a row, whatever the sizes (the loader's own property is in jgrad-nn). */
class SplitPropertiesTest {

    @Property(tries = 200)
    void splitPartsPartitionTheRows(@ForAll @IntRange(min = 0, max = 400) int n,
            @ForAll @IntRange(min = 1, max = 98) int trainPercent, @ForAll long seed) {
        double train = trainPercent / 100.0;
        double validation = (1 - train) / 2;
        DatasetSplits s = DatasetTest.counting(n).trainValidationTest(train, validation, seed);
        assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(n);
        assertThat(s.train().size()).isEqualTo((int) Math.round(n * train));
        float[] all = new float[n];
        int k = 0;
        for (Dataset part : new Dataset[] {s.train(), s.validation(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                all[k++] = part.feature(i, 0);
            }
        }
        Arrays.sort(all);
        for (int i = 0; i < n; i++) {
            assertThat(all[i]).isEqualTo((float) i);
        }
    }

    /** The in-place split gives {@link Dataset#split}'s parts row for row, for classification and regression. */
    @Property(tries = 200)
    void splitInPlaceMatchesSplit(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll @IntRange(min = 0, max = 100) int trainPercent, @ForAll long seed, @ForAll boolean regression) {
        double train = trainPercent / 100.0;
        double[] fractions = {train, (1 - train) / 2, 1 - train - (1 - train) / 2};
        List<Dataset> expected = random(n, d, regression, seed).split(seed, fractions);
        List<Dataset> actual = random(n, d, regression, seed).splitInPlace(seed, fractions);
        assertThat(actual).hasSameSizeAs(expected);
        for (int p = 0; p < expected.size(); p++) {
            assertThat(actual.get(p).features()).containsExactly(expected.get(p).features());
            if (regression) {
                assertThat(actual.get(p).targets()).containsExactly(expected.get(p).targets());
            } else {
                assertThat(actual.get(p).labels()).containsExactly(expected.get(p).labels());
            }
        }
    }

    /** All rows in one part (a set with its own test set, no validation): no copy, the set itself reordered. */
    @Example
    void splitInPlaceKeepsTheArraysWhenOnePartHoldsEveryRow() {
        Dataset data = random(1000, 3, false, 7);
        Dataset copy = data.subset(IntStream.range(0, 1000).toArray());
        List<Dataset> parts = data.splitInPlace(42, 1, 0);
        assertThat(parts.get(0)).isSameAs(data);
        assertThat(parts.get(1).size()).isZero();
        List<Dataset> expected = copy.split(42, 1, 0);
        assertThat(parts.get(0).features()).containsExactly(expected.get(0).features());
        assertThat(parts.get(0).labels()).containsExactly(expected.get(0).labels());
        assertThat(parts.get(0).features()).isNotEqualTo(copy.features()); // really reordered
    }

    private static Dataset random(int n, int d, boolean regression, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        float[] x = new float[n * d];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) rng.nextDouble();
        }
        if (regression) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                y[i] = (float) rng.nextDouble();
            }
            return Dataset.regression(x, d, y);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rng.nextInt(3);
        }
        return Dataset.classification(x, d, labels, List.of("a", "b", "c"));
    }
}
