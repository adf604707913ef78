package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
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

    /** Permuting in place gives {@link Dataset#subset}'s rows, for classification and regression. */
    @Property(tries = 200)
    void permuteInPlaceMatchesSubset(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll long seed, @ForAll boolean regression) {
        int[] order = Dataset.splitRows(n, seed, 1)[0];
        Dataset expected = random(n, d, regression, seed).subset(order);
        Dataset data = random(n, d, regression, seed);
        Dataset actual = data.permuteInPlace(order);
        assertThat(actual).isSameAs(data);
        assertThat(actual.features()).containsExactly(expected.features());
        if (regression) {
            assertThat(actual.targets()).containsExactly(expected.targets());
        } else {
            assertThat(actual.labels()).containsExactly(expected.labels());
        }
    }

    @Example
    void permuteInPlaceRefusesAnythingButAPermutationAndChangesNothing() {
        Dataset data = random(4, 2, false, 1);
        float[] before = data.features();
        assertThatThrownBy(() -> data.permuteInPlace(new int[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 indices for 4 rows");
        assertThatThrownBy(() -> data.permuteInPlace(new int[] {3, 1, 3, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 3 at position 2 repeats");
        assertThatThrownBy(() -> data.permuteInPlace(new int[] {0, 1, 2, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 4 at position 3 is outside 0..3");
        assertThat(data.features()).containsExactly(before);
        data.permuteInPlace(new int[] {1, 2, 3, 0}); // one cycle through every row
        assertThat(data.row(0)).containsExactly(before[2], before[3]);
        assertThat(data.row(3)).containsExactly(before[0], before[1]);
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
