package dev.jgrad.data.idx;

import dev.jgrad.data.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two splits of an MNIST distribution as the reader meets them: the 10,000-image {@code t10k} files (28 x 28,
 * the real layout, written plain with the dotted spelling some unpackers produce) and the 60,000-image
 * {@code train} files (gzipped, with small 4 x 4 images to keep the test light). Both are generated here; no
 * dataset file is shipped. Each split loads through {@link IdxDataset#MNIST}, the path {@code --data DIR} takes.
 */
class MnistLayoutTest {

    private static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = (i * 3 + 1) % 10;
        }
        return l;
    }

    @Test
    void readsTheTenThousandRowTestSplitAndTheSixtyThousandRowTrainingSplit(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("t10k-images.idx3-ubyte"), IdxTestFiles.images(10_000, 28, 28));
        Files.write(dir.resolve("t10k-labels.idx1-ubyte"), IdxTestFiles.labels(labels(10_000)));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxTestFiles.gzip(IdxTestFiles.images(60_000, 4, 4)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), IdxTestFiles.gzip(IdxTestFiles.labels(labels(60_000))));
        assertThat(IdxFiles.isComplete(dir)).isTrue();

        IdxFiles testFiles = IdxFiles.locate(dir, IdxSplit.TEST);
        assertThat(IdxReader.readHeader(testFiles.images(), IdxReader.IMAGES_MAGIC).dims()).containsExactly(10_000, 28, 28);
        assertThat(IdxReader.readHeader(testFiles.images(), IdxReader.IMAGES_MAGIC).headerBytes()).isEqualTo(16);
        assertThat(IdxReader.readHeader(testFiles.labels(), IdxReader.LABELS_MAGIC).headerBytes()).isEqualTo(8);

        Dataset test = IdxDataset.MNIST.load(dir, IdxSplit.TEST);
        assertThat(test.size()).isEqualTo(10_000);
        assertThat(test.numFeatures()).isEqualTo(784);
        assertThat(test.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // Pixel k of image i is ((i * 7 + k) % 256) / 255: check the first and the last image, first and last pixel.
        assertThat(test.feature(0, 0)).isEqualTo(0f);
        assertThat(test.feature(9_999, 783)).isEqualTo(((9_999 * 7 + 783) % 256) / 255f);
        assertThat(test.label(9_999)).isEqualTo((9_999 * 3 + 1) % 10);

        Dataset train = IdxDataset.MNIST.load(dir, IdxSplit.TRAIN);
        assertThat(train.size()).isEqualTo(60_000);
        assertThat(train.numFeatures()).isEqualTo(16);
        assertThat(train.feature(59_999, 15)).isEqualTo(((59_999 * 7 + 15) % 256) / 255f);
        assertThat(train.label(59_999)).isEqualTo((59_999 * 3 + 1) % 10);
        assertThat(train.classCounts()).containsOnly(6_000);
    }
}
