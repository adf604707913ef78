package dev.jgrad.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reads Debian's dataset-fashion-mnist when it is installed; skipped otherwise. */
class FashionMnistInstalledTest {

    private static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");

    @org.junit.jupiter.api.BeforeAll
    static void sayWhySkipped() {
        if (!Files.isDirectory(DIR)) {
            System.err.println("FashionMnistInstalledTest: skipped: " + DIR + " does not exist. To run it: apt-get "
                    + "install dataset-fashion-mnist.");
        }
    }

    @Test
    void headersOfTheInstalledFilesHaveTheKnownCountsAndSize() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "dataset-fashion-mnist is not installed");
        IdxFiles train = IdxFiles.locate(DIR, IdxSplit.TRAIN);
        IdxFiles test = IdxFiles.locate(DIR, IdxSplit.TEST);
        IdxHeader trainImages = IdxReader.readHeader(train.images(), IdxReader.IMAGES_MAGIC);
        assertThat(trainImages.gzip()).isTrue();
        assertThat(trainImages.dims()).containsExactly(60000, 28, 28);
        assertThat(IdxReader.readHeader(test.images(), IdxReader.IMAGES_MAGIC).dims()).containsExactly(10000, 28, 28);
        assertThat(IdxReader.readHeader(train.labels(), IdxReader.LABELS_MAGIC).count()).isEqualTo(60000);
        assertThat(IdxReader.readHeader(test.labels(), IdxReader.LABELS_MAGIC).count()).isEqualTo(10000);
        assertThat(IdxDataset.FASHION_MNIST.locate()).isEqualTo(DIR);
    }

    @Test
    void loadsBothSplitsCompletely() throws IOException {
        assumeTrue(Files.isDirectory(DIR), "dataset-fashion-mnist is not installed");
        Dataset test = IdxDataset.FASHION_MNIST.load(IdxSplit.TEST);
        assertThat(test.size()).isEqualTo(10000);
        assertThat(test.numFeatures()).isEqualTo(28 * 28);
        // Fashion-MNIST is exactly balanced: 1000 test and 6000 training images per class.
        assertThat(test.classCounts()).containsOnly(1000);
        float min = 1;
        float max = 0;
        for (float v : test.row(0)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isLessThanOrEqualTo(1f).isGreaterThan(0.5f);
        // First test image of the published set is an ankle boot.
        assertThat(test.classNames().get(test.label(0))).isEqualTo("Ankle boot");

        Dataset train = IdxDataset.FASHION_MNIST.load(IdxSplit.TRAIN);
        assertThat(train.size()).isEqualTo(60000);
        assertThat(train.numFeatures()).isEqualTo(784);
        assertThat(train.classCounts()).containsOnly(6000);
    }
}
