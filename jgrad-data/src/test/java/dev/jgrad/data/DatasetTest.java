package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DatasetTest {

    /** n rows, 2 features: row i is (i, -i), label i % 3. */
    static Dataset counting(int n) {
        float[] f = new float[2 * n];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            f[2 * i] = i;
            f[2 * i + 1] = -i;
            l[i] = i % 3;
        }
        return Dataset.classification(f, 2, l, List.of("a", "b", "c"));
    }

    @Test
    void accessorsReflectTheArrays() {
        Dataset d = counting(5);
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.numFeatures()).isEqualTo(2);
        assertThat(d.numClasses()).isEqualTo(3);
        assertThat(d.row(4)).containsExactly(4f, -4f);
        assertThat(d.feature(3, 1)).isEqualTo(-3f);
        assertThat(d.labels()).containsExactly(0, 1, 2, 0, 1);
        assertThat(d.classCounts()).containsExactly(2, 2, 1);
        assertThat(d.featureNames()).containsExactly("x1", "x2");
        assertThat(d.oneHotLabels()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0);
        assertThat(d.isRegression()).isFalse();
    }

    @Test
    void subsetCopiesRowsInOrder() {
        Dataset s = counting(6).subset(new int[] {5, 0, 5});
        assertThat(s.features()).containsExactly(5, -5, 0, 0, 5, -5);
        assertThat(s.labels()).containsExactly(2, 0, 2);
        assertThatThrownBy(() -> counting(3).subset(new int[] {3}))
                .hasMessageContaining("index 3 at position 0 is outside 0..2");
    }

    @Test
    void eightyTenTenSizesAreExactAndDocumented() {
        assertThat(Dataset.splitBounds(1000, 0.8, 0.1, 0.1)).containsExactly(800, 900, 1000);
        assertThat(Dataset.splitBounds(10, 0.8, 0.1, 0.1)).containsExactly(8, 9, 10);
        assertThat(Dataset.splitBounds(5, 0.8, 0.1, 0.1)).containsExactly(4, 5, 5);
        assertThat(Dataset.splitBounds(7, 0.5, 0.5)).containsExactly(4, 7);
        assertThat(Dataset.splitBounds(101, 0.7, 0.3)).containsExactly(71, 101);
    }

    @Test
    void splitIsASeededPartition() {
        Dataset d = counting(1000);
        DatasetSplits s = d.trainValidationTest(7L);
        assertThat(s.train().size()).isEqualTo(800);
        assertThat(s.validation().size()).isEqualTo(100);
        assertThat(s.test().size()).isEqualTo(100);
        Set<Float> seen = new HashSet<>();
        for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
            for (int i = 0; i < part.size(); i++) {
                assertThat(seen.add(part.feature(i, 0))).isTrue();
                // label still matches its row
                assertThat(part.label(i)).isEqualTo(((int) part.feature(i, 0)) % 3);
            }
        }
        assertThat(seen).hasSize(1000);
        DatasetSplits again = d.trainValidationTest(7L);
        assertThat(again.test().features()).containsExactly(s.test().features());
        DatasetSplits other = d.trainValidationTest(8L);
        assertThat(other.test().features()).isNotEqualTo(s.test().features());
        // shuffled, not the first 800 rows
        assertThat(s.train().feature(0, 0) != 0f || s.train().feature(1, 0) != 1f).isTrue();
    }

    @Test
    void splitWithOtherFractions() {
        List<Dataset> parts = counting(10).split(1L, 0.5, 0.25, 0.25);
        assertThat(parts).extracting(Dataset::size).containsExactly(5, 3, 2);
        assertThat(counting(10).trainValidationTest(0.6, 0.2, 3L).test().size()).isEqualTo(2);
        assertThatThrownBy(() -> counting(10).split(1L, 0.5, 0.4)).hasMessageContaining("sum to 0.9");
        assertThatThrownBy(() -> counting(10).split(1L, 1.5, -0.5)).hasMessageContaining("fraction 0 is 1.5");
    }

    @Test
    void regressionDatasetHasTargets() {
        Dataset r = Dataset.regression(new float[] {1, 2, 3, 4}, 2, new float[] {0.5f, -1f});
        assertThat(r.isRegression()).isTrue();
        assertThat(r.numClasses()).isZero();
        assertThat(r.targets()).containsExactly(0.5f, -1f);
        assertThat(r.subset(new int[] {1}).targets()).containsExactly(-1f);
        assertThatThrownBy(r::labels).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void validatesShapesAndLabels() {
        assertThatThrownBy(() -> Dataset.classification(new float[5], 2, new int[2], List.of("a")))
                .hasMessageContaining("not a multiple of numFeatures 2");
        assertThatThrownBy(() -> Dataset.classification(new float[4], 2, new int[3], List.of("a")))
                .hasMessageContaining("2 feature rows").hasMessageContaining("3 labels");
        assertThatThrownBy(() -> Dataset.classification(new float[4], 2, new int[] {0, 2}, List.of("a", "b")))
                .hasMessageContaining("label 2 at row 1 is outside 0..1");
        assertThatThrownBy(() -> counting(2).withFeatureNames(List.of("only")))
                .hasMessageContaining("1 feature names for 2 features");
    }
}
