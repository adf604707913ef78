package dev.jgrad.cli.data;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scaler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The parts {@link TrainingData#prepare} cuts are the source's rows named by {@link TrainingData#partRows}, in that
 * order, whether the training part is the reordered source itself or a copy, and whatever the features are stored as.
 */
class TrainingDataTest {

    private static final List<String> CLASSES = List.of("a", "b", "c", "d");
    private static final float[] PIXEL = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            PIXEL[b] = b / 255f;
        }
    }

    private static byte[] pixels(int n, int d) {
        byte[] px = new byte[n * d];
        new Random(5).nextBytes(px);
        return px;
    }

    private static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = (i * 7) % 4;
        }
        return l;
    }

    private static Dataset bytes(int n, int d) {
        return Dataset.classification(pixels(n, d), PIXEL, d, labels(n), CLASSES);
    }

    private static Dataset floats(int n, int d) {
        byte[] px = pixels(n, d);
        float[] f = new float[px.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (px[i] & 0xFF) / 255f;
        }
        return Dataset.classification(f, d, labels(n), CLASSES);
    }

    private static void assertPart(Dataset part, Dataset reference, int[] rows) {
        Dataset expected = reference.subset(rows);
        assertThat(part.size()).isEqualTo(rows.length);
        assertThat(part.features()).containsExactly(expected.features());
        assertThat(part.labels()).containsExactly(expected.labels());
        assertThat(part.featuresView().toArray()).containsExactly(expected.features());
        float[] gathered = new float[rows.length * reference.numFeatures()];
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        part.featureRows().gather(order, 0, rows.length, gathered);
        assertThat(gathered).containsExactly(expected.features());
        assertThat(part.classCounts()).containsExactly(expected.classCounts());
    }

    @Test
    void aValidationSplitLeavesTheTrainingRowsInPlaceWithTheSameParts() {
        for (boolean asBytes : new boolean[] {true, false}) {
            Dataset reference = floats(50, 3);
            Dataset source = asBytes ? bytes(50, 3) : floats(50, 3);
            Dataset test = floats(10, 3);
            LoadedData data = new LoadedData("fixture", "idx", source, test, new int[] {3}, "pixels / 255");
            TrainingData parts = TrainingData.prepare(data, 0, 0.2, 0, null, null, 42);
            int[][] rows = TrainingData.partRows(50, true, 0, 0.2, 0, 42);
            assertThat(rows[0]).hasSize(40);
            assertPart(parts.train(), reference, rows[0]);
            assertPart(parts.validation(), reference, rows[1]);
            assertThat(parts.test()).isSameAs(test);
            assertThat(parts.train().featuresAreBytes()).isEqualTo(asBytes);
        }
    }

    @Test
    void withoutATestSetTheThreePartsAreTheNamedRows() {
        Dataset reference = floats(60, 2);
        LoadedData data = new LoadedData("fixture", "csv", floats(60, 2), null, new int[] {2}, "none");
        TrainingData parts = TrainingData.prepare(data, 0, 0.1, 0.2, null, null, 7);
        int[][] rows = TrainingData.partRows(60, false, 0, 0.1, 0.2, 7);
        assertPart(parts.train(), reference, rows[0]);
        assertPart(parts.validation(), reference, rows[1]);
        assertPart(parts.test(), reference, rows[2]);
        assertThat(parts.trainRows()).containsExactly(rows[0]);
    }

    @Test
    void aScalerIsFittedOnTheTrainingRowsOnly() {
        Dataset reference = floats(60, 2);
        LoadedData data = new LoadedData("fixture", "csv", floats(60, 2), null, new int[] {2}, "none");
        TrainingData parts = TrainingData.prepare(data, 0, 0.1, 0.2, Scaler.Kind.STANDARDIZE, null, 7);
        int[][] rows = TrainingData.partRows(60, false, 0, 0.1, 0.2, 7);
        Scaler expected = Scaler.fit(Scaler.Kind.STANDARDIZE, reference.subset(rows[0]));
        assertThat(parts.scaler().offsets()).containsExactly(expected.offsets());
        assertThat(parts.scaler().scales()).containsExactly(expected.scales());
        assertPart(parts.train(), expected.transform(reference), rows[0]);
        assertPart(parts.validation(), expected.transform(reference), rows[1]);
        assertPart(parts.test(), expected.transform(reference), rows[2]);
    }

    @Test
    void aLimitCopiesThePickedRows() {
        Dataset reference = floats(40, 2);
        LoadedData data = new LoadedData("fixture", "idx", bytes(40, 2), floats(5, 2), new int[] {2}, "pixels / 255");
        TrainingData parts = TrainingData.prepare(data, 25, 0.2, 0, null, null, 3);
        int[][] rows = TrainingData.partRows(40, true, 25, 0.2, 0, 3);
        assertThat(rows[0].length + rows[1].length).isEqualTo(25);
        assertPart(parts.train(), reference, rows[0]);
        assertPart(parts.validation(), reference, rows[1]);
    }
}
