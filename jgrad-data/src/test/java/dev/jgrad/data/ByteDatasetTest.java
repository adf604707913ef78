package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.tensor.RowSource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A dataset whose features are stored as bytes reads exactly as the same values stored as floats. */
class ByteDatasetTest {

    private static final float[] PIXEL = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            PIXEL[b] = b / 255f;
        }
    }

    private static final List<String> CLASSES = List.of("a", "b", "c");

    private static byte[] bytes(int n, int d) {
        byte[] px = new byte[n * d];
        new Random(3).nextBytes(px);
        return px;
    }

    private static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = i % 3;
        }
        return l;
    }

    /** The same data with float features {@code (b & 0xFF) / 255f}. */
    private static Dataset asFloats(byte[] px, int d, int[] labels) {
        float[] f = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            f[i] = (px[i] & 0xFF) / 255f;
        }
        return Dataset.classification(f, d, labels.clone(), CLASSES);
    }

    @Test
    void everyAccessorGivesTheFloatDatasetsValues() {
        byte[] px = bytes(7, 5);
        Dataset floats = asFloats(px, 5, labels(7));
        Dataset b = Dataset.classification(px.clone(), PIXEL, 5, labels(7), CLASSES);
        assertThat(b.featuresAreBytes()).isTrue();
        assertThat(floats.featuresAreBytes()).isFalse();
        assertThat(b.size()).isEqualTo(7);
        assertThat(b.numFeatures()).isEqualTo(5);
        assertThat(b.features()).containsExactly(floats.features());
        assertThat(b.row(6)).containsExactly(floats.row(6));
        assertThat(b.feature(2, 4)).isEqualTo(floats.feature(2, 4));
        assertThat(b.featuresTensor().toArray()).containsExactly(floats.featuresTensor().toArray());
        assertThat(b.featuresView().toArray()).containsExactly(floats.featuresView().toArray());
        assertThat(b.featuresView().shape()).containsExactly(7, 5);
        int[] order = {6, 0, 3};
        assertThat(b.subset(order).features()).containsExactly(floats.subset(order).features());
        assertThat(b.subset(order).featuresAreBytes()).isTrue();
        assertThat(b.subset(order).labels()).containsExactly(0, 0, 0);
    }

    @Test
    void featureRowsReadTheBytesAsTheirValues() {
        byte[] px = bytes(9, 4);
        Dataset floats = asFloats(px, 4, labels(9));
        Dataset b = Dataset.classification(px, PIXEL, 4, labels(9), CLASSES);
        RowSource fr = floats.featureRows();
        RowSource br = b.featureRows();
        assertThat(br.shape()).containsExactly(fr.shape());
        int[] order = {8, 1, 4, 4, 0};
        float[] x = new float[5 * 4];
        float[] y = new float[5 * 4];
        fr.gather(order, 0, 5, x);
        br.gather(order, 0, 5, y);
        assertThat(y).containsExactly(x);
    }

    @Test
    void permutingInPlaceMovesByteRowsWithTheirLabels() {
        byte[] px = bytes(11, 3);
        Dataset floats = asFloats(px, 3, labels(11));
        Dataset b = Dataset.classification(px, PIXEL, 3, labels(11), CLASSES);
        int[] order = Dataset.shuffledIndices(11, 9);
        Dataset expected = floats.subset(order);
        Dataset permuted = b.permuteInPlace(order);
        assertThat(permuted.features()).containsExactly(expected.features());
        assertThat(permuted.labels()).containsExactly(expected.labels());
        assertThat(permuted.featuresAreBytes()).isTrue();
    }

    @Test
    void aScalerFitsAndScalesByteFeaturesAsTheirFloatValues() {
        byte[] px = bytes(20, 6);
        Dataset floats = asFloats(px, 6, labels(20));
        Dataset b = Dataset.classification(px, PIXEL, 6, labels(20), CLASSES);
        for (Scaler.Kind kind : Scaler.Kind.values()) {
            Scaler fromFloats = Scaler.fit(kind, floats);
            Scaler fromBytes = Scaler.fit(kind, b);
            assertThat(fromBytes.offsets()).containsExactly(fromFloats.offsets());
            assertThat(fromBytes.scales()).containsExactly(fromFloats.scales());
            assertThat(fromBytes.transform(b).features()).containsExactly(fromFloats.transform(floats).features());
        }
    }

    @Test
    void badTablesAreRejected() {
        assertThatThrownBy(() -> Dataset.classification(new byte[4], new float[10], 2, labels(2), CLASSES))
                .hasMessage("Dataset: the byte value table needs 256 entries, one per byte value, got 10");
        assertThatThrownBy(() -> Dataset.classification(new byte[5], PIXEL, 2, labels(2), CLASSES))
                .hasMessage("Dataset: features length 5 is not a multiple of numFeatures 2");
    }
}
