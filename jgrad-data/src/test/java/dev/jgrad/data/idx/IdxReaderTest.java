package dev.jgrad.data.idx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    private static final List<String> DIGITS = IdxDataset.MNIST.classNames();

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsPlainImagesScaledToUnitInterval() throws IOException {
        Path f = write("imgs", IdxTestFiles.images(3, 2, 4));
        IdxImages img = IdxReader.readImages(f);
        assertThat(img.count()).isEqualTo(3);
        assertThat(img.rows()).isEqualTo(2);
        assertThat(img.cols()).isEqualTo(4);
        assertThat(img.pixels()).hasSize(24);
        // image 2, pixel 5: (2 * 7 + 5) % 256 = 19
        assertThat(img.pixels()[2 * 8 + 5]).isCloseTo(19 / 255f, within(1e-7f));
        assertThat(img.pixels()[0]).isZero();
    }

    @Test
    void gzipIsDetectedByMagicBytesNotByName() throws IOException {
        byte[] raw = IdxTestFiles.images(40, 28, 28);
        Path gzNamedPlain = write("looks-plain-idx3-ubyte", IdxTestFiles.gzip(raw));
        Path plainNamedGz = write("looks-compressed.gz", raw);
        IdxImages a = IdxReader.readImages(gzNamedPlain);
        IdxImages b = IdxReader.readImages(plainNamedGz);
        assertThat(a.pixels()).containsExactly(b.pixels());
        assertThat(IdxReader.readHeader(gzNamedPlain, IdxReader.IMAGES_MAGIC).gzip()).isTrue();
        assertThat(IdxReader.readHeader(plainNamedGz, IdxReader.IMAGES_MAGIC).gzip()).isFalse();
        // pixel 783 of image 39: (39 * 7 + 783) % 256 = 1056 % 256 = 32; 255 appears too
        assertThat(a.pixels()[39 * 784 + 783]).isEqualTo(32 / 255f);
        assertThat(max(a.pixels())).isEqualTo(1f);
    }

    @Test
    void aRowRangeIsTheSameSliceAsTheWholeFilePlainOrGzip() throws IOException {
        byte[] raw = IdxTestFiles.images(10, 3, 5);
        Path plain = write("range-images", raw);
        Path gz = write("range-images.gz", IdxTestFiles.gzip(raw));
        Path labels = write("range-labels", IdxTestFiles.labels(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        float[] all = IdxReader.readImages(plain).pixels();
        for (Path f : List.of(plain, gz)) {
            IdxImages part = IdxReader.readImages(f, 4, 7);
            assertThat(part.count()).isEqualTo(3);
            assertThat(part.pixels()).containsExactly(java.util.Arrays.copyOfRange(all, 4 * 15, 7 * 15));
        }
        assertThat(IdxReader.readLabels(labels, 4, 7).labels()).containsExactly(4, 5, 6);
        assertThat(IdxReader.readLabels(labels, 10, 10).labels()).isEmpty();
        assertThatThrownBy(() -> IdxReader.readImages(plain, 8, 11))
                .hasMessageEndingWith("range-images: items [8, 11) are outside the file's 10 items");
    }

    @Test
    void readsLabels() throws IOException {
        Path f = write("labels.gz", IdxTestFiles.gzip(IdxTestFiles.labels(3, 0, 9, 255)));
        assertThat(IdxReader.readLabels(f).labels()).containsExactly(3, 0, 9, 255);
    }

    @Test
    void readsADatasetFromAMatchingPair() throws IOException {
        Path img = write("i", IdxTestFiles.images(4, 2, 2));
        Path lab = write("l", IdxTestFiles.labels(1, 0, 9, 4));
        Dataset d = IdxReader.readDataset(img, lab, DIGITS);
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.numFeatures()).isEqualTo(4);
        assertThat(d.labels()).containsExactly(1, 0, 9, 4);
        assertThat(d.classNames()).hasSize(10);
        assertThat(d.feature(3, 1)).isEqualTo(22 / 255f);
        // kept as the file's bytes, with exactly the values the float reader gives
        assertThat(d.featuresAreBytes()).isTrue();
        assertThat(d.features()).containsExactly(IdxReader.readImages(img).pixels());
        assertThat(IdxReader.pixelValues()[255]).isEqualTo(1f);
        assertThat(IdxReader.pixelValues()[22]).isEqualTo(22 / 255f);
    }

    @Test
    void wrongMagicNamesFileOffsetAndBothMagics() throws IOException {
        byte[] bytes = IdxTestFiles.images(1, 2, 2);
        ByteBuffer.wrap(bytes).putInt(0x89504E47); // a PNG signature
        Path f = write("bad-magic-idx3-ubyte", bytes);
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("bad-magic-idx3-ubyte").contains("byte offset 0")
                .contains("0x89504E47").contains("0x00000803");
        assertThat(e.offset()).isZero();
        assertThat(e.file()).isEqualTo(f.toString());
    }

    @Test
    void swappedImagesAndLabelsAreExplained() throws IOException {
        Path f = write("train-labels-idx1-ubyte", IdxTestFiles.labels(1, 2));
        assertThatThrownBy(() -> IdxReader.readImages(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("train-labels-idx1-ubyte: byte offset 0")
                .hasMessageContaining("swapped");
    }

    @Test
    void unsupportedIdxTypeIsNamed() throws IOException {
        byte[] bytes = IdxTestFiles.images(1, 1, 1);
        ByteBuffer.wrap(bytes).putInt(0x00000D03); // float data
        Path f = write("floats", bytes);
        assertThatThrownBy(() -> IdxReader.readImages(f)).hasMessageContaining("data type 0x0D is not supported");
    }

    @Test
    void zeroRowsIsRejectedAtItsOffset() throws IOException {
        byte[] bytes = IdxTestFiles.images(1, 2, 2);
        ByteBuffer.wrap(bytes).putInt(8, 0);
        Path f = write("zero-rows", bytes);
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("zero-rows: byte offset 8").contains("dimension 1 is 0");
    }

    @Test
    void truncatedPlainPayloadReportsWhereDataEndedAndHowMuchWasExpected() throws IOException {
        byte[] full = IdxTestFiles.images(5, 3, 3); // 16 + 45 = 61 bytes
        Path f = write("short-images", Arrays.copyOf(full, 50));
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("short-images").contains("byte offset 50")
                .contains("expected 61 bytes").contains("5 images x 3 x 3").contains("11 bytes missing");
        assertThat(e.offset()).isEqualTo(50);
    }

    @Test
    void truncatedHeaderIsReported() throws IOException {
        Path f = write("tiny", new byte[] {0, 0, 8, 3, 0, 0});
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("tiny: byte offset 6").contains("16-byte IDX header");
    }

    @Test
    void gzipWhosePayloadIsShorterThanTheHeaderSaysReportsDecompressedOffset() throws IOException {
        byte[] full = IdxTestFiles.images(5, 3, 3);
        Path f = write("short.gz", IdxTestFiles.gzip(Arrays.copyOf(full, 40)));
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("short.gz").contains("byte offset 40")
                .contains("decompressed data ends").contains("expected 61 bytes");
    }

    @Test
    void truncatedGzipFileIsReportedAsSuch() throws IOException {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.images(50, 28, 28));
        Path f = write("train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("train-images-idx3-ubyte.gz").contains("truncated")
                .contains("byte offset " + e.offset()).contains("expected 39216 bytes");
        assertThat(e.offset()).isBetween(16L, 39215L);
    }

    @Test
    void gzipCutInsideItsTrailerIsReported() throws IOException {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.labels(1, 2, 3));
        Path f = write("labels.gz", Arrays.copyOf(gz, gz.length - 3));
        assertThatThrownBy(() -> IdxReader.readLabels(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("labels.gz: byte offset 11").hasMessageContaining("truncated");
    }

    @Test
    void gzipCutInsideItsHeaderIsReported() throws IOException {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.labels(1, 2, 3));
        Path f = write("cut-header.gz", Arrays.copyOf(gz, 5));
        assertThatThrownBy(() -> IdxReader.readLabels(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("cut-header.gz: byte offset 0").hasMessageContaining("gzip header");
    }

    @Test
    void corruptGzipDataNamesTheFile() throws IOException {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.images(20, 28, 28));
        // Scribble over the middle of the deflate stream.
        for (int i = gz.length / 3; i < gz.length / 3 + 40; i++) {
            gz[i] = (byte) 0xFF;
        }
        Path f = write("corrupt-images", gz);
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readImages(f), DataFormatException.class);
        assertThat(e.getMessage()).contains("corrupt-images").contains("byte offset " + e.offset());
        assertThat(e.getMessage()).containsAnyOf("corrupt gzip", "truncated");
    }

    @Test
    void corruptGzipChecksumIsCaught() throws IOException {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.labels(1, 2, 3));
        gz[gz.length - 6] ^= 0x55; // inside the CRC32 of the trailer
        Path f = write("bad-crc.gz", gz);
        assertThatThrownBy(() -> IdxReader.readLabels(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("bad-crc.gz: byte offset").hasMessageContaining("corrupt gzip");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] ok = IdxTestFiles.labels(1, 2, 3);
        Path f = write("long-labels", Arrays.copyOf(ok, ok.length + 5));
        assertThatThrownBy(() -> IdxReader.readLabels(f)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining("long-labels: byte offset 11").hasMessageContaining("5 extra bytes");
    }

    @Test
    void countMismatchNamesBothFilesAndFailsBeforeReadingPixels() throws IOException {
        Path img = write("train-images-idx3-ubyte", IdxTestFiles.images(3, 2, 2));
        Path lab = write("train-labels-idx1-ubyte", IdxTestFiles.labels(1, 2));
        DataFormatException e = catchThrowableOfType(() -> IdxReader.readDataset(img, lab, DIGITS),
                DataFormatException.class);
        assertThat(e.getMessage()).contains("train-labels-idx1-ubyte: byte offset 4")
                .contains("has 2 labels").contains("train-images-idx3-ubyte has 3 images");
    }

    @Test
    void labelOutsideTheClassesIsReportedAtItsByte() throws IOException {
        Path img = write("i", IdxTestFiles.images(3, 1, 1));
        Path lab = write("l", IdxTestFiles.labels(1, 12, 2));
        assertThatThrownBy(() -> IdxReader.readDataset(img, lab, DIGITS))
                .hasMessageContaining("l: byte offset 9").hasMessageContaining("label 12 of item 1 is outside 0..9");
    }

    @Test
    void hugeHeaderInATinyGzipIsRejectedBeforeAllocating() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(2_000_000).putInt(28).putInt(28);
        Path f = write("liar.gz", IdxTestFiles.gzip(b.array()));
        assertThatThrownBy(() -> IdxReader.readImages(f)).hasMessageContaining("liar.gz: byte offset 4")
                .hasMessageContaining("header is corrupt");
    }

    @Test
    void locatesStandardNamesPlainGzOrDotted() throws IOException {
        write("train-images-idx3-ubyte.gz", IdxTestFiles.gzip(IdxTestFiles.images(2, 28, 28)));
        write("train-labels.idx1-ubyte", IdxTestFiles.labels(5, 6));
        write("t10k-images-idx3-ubyte", IdxTestFiles.images(1, 28, 28));
        write("t10k-labels-idx1-ubyte", IdxTestFiles.labels(7));
        IdxFiles train = IdxFiles.locate(dir, IdxSplit.TRAIN);
        assertThat(train.images().getFileName().toString()).isEqualTo("train-images-idx3-ubyte.gz");
        assertThat(train.labels().getFileName().toString()).isEqualTo("train-labels.idx1-ubyte");
        assertThat(IdxFiles.isComplete(dir)).isTrue();
        Dataset test = IdxDataset.FASHION_MNIST.load(dir, IdxSplit.TEST);
        assertThat(test.size()).isEqualTo(1);
        assertThat(test.numFeatures()).isEqualTo(784);
        assertThat(test.classNames().get(test.label(0))).isEqualTo("Sneaker");
    }

    @Test
    void missingFilesSayWhatWasLookedFor() throws IOException {
        write("train-images-idx3-ubyte", IdxTestFiles.images(1, 1, 1));
        assertThatThrownBy(() -> IdxFiles.locate(dir, IdxSplit.TRAIN)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("train-labels-idx1-ubyte.gz").hasMessageContaining(dir.toString());
    }

    @Test
    void namedDatasetsHaveTheirClassNamesAndInstallHints() {
        assertThat(IdxDataset.byId("fashion-mnist")).isEqualTo(IdxDataset.FASHION_MNIST);
        assertThat(IdxDataset.byId("MNIST")).isEqualTo(IdxDataset.MNIST);
        assertThat(IdxDataset.FASHION_MNIST.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover",
                "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
        assertThat(IdxDataset.MNIST.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        assertThat(IdxDataset.FASHION_MNIST.defaultDirectories())
                .containsExactly(Path.of("/usr/share/datasets/fashion-mnist"));
        assertThat(IdxDataset.MNIST.howToInstall()).contains("never downloads").contains("t10k-images-idx3-ubyte.gz");
        assertThatThrownBy(() -> IdxDataset.byId("cifar")).hasMessageContaining("known: mnist, fashion-mnist");
    }

    private static float max(float[] a) {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : a) {
            m = Math.max(m, v);
        }
        return m;
    }
}
