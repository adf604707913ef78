package dev.jgrad.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad input ends with exit code 2 and exactly one line on stderr that names the file and the line or
 * byte offset, without a stack trace.
 */
class BadInputTest {

    @TempDir
    static Path dir;

    static Path model;

    @BeforeAll
    static void trainASmallModel() {
        model = dir.resolve("xor.jgrad");
        Cli.Result r = Cli.run("train", "--data", "xor", "--samples", "200", "--epochs", "3", "--progress", "none",
                "--out", model.toString());
        assertThat(r.code()).as(r.toString()).isZero();
    }

    static void assertInputError(Cli.Result r, String... fragments) {
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        String line = r.errLines().get(0);
        assertThat(line).startsWith("error: ").contains(fragments);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    // --- IDX directories -------------------------------------------------------------------------------------

    static byte[] images(int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * 28 * 28);
        b.putInt(0x00000803).putInt(count).putInt(28).putInt(28);
        for (int i = 0; i < count * 28 * 28; i++) {
            b.put((byte) (i % 251));
        }
        return b.array();
    }

    static byte[] labels(int count, int magic) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(magic).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    /** A directory with the four files of a 20/10-image set; {@code name} selects which one to replace. */
    static Path idxDir(String name, String file, byte[] content) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.write(d.resolve("train-images-idx3-ubyte.gz"), gzip(images(20)));
        Files.write(d.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(20, 0x00000801)));
        Files.write(d.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(10)));
        Files.write(d.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(10, 0x00000801)));
        if (file != null) {
            Files.write(d.resolve(file), content);
        }
        return d;
    }

    @Test
    void aSmallValidIdxDirectoryTrains() throws IOException {
        Path d = idxDir("valid", null, null);
        Cli.Result r = Cli.run("train", "--data", d.toString(), "--layers", "784,8,10", "--epochs", "1",
                "--progress", "none", "--out", dir.resolve("valid.jgrad").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("train 20, validation 0, test 10");
    }

    @Test
    void truncatedGzip() throws IOException {
        byte[] gz = gzip(images(20));
        Path d = idxDir("truncated", "train-images-idx3-ubyte.gz", Arrays.copyOf(gz, gz.length / 2));
        Cli.Result r = Cli.run("train", "--data", d.toString(), "--progress", "none",
                "--out", dir.resolve("t.jgrad").toString());
        assertInputError(r, d.resolve("train-images-idx3-ubyte.gz").toString(), "byte offset", "truncated");
        assertThat(dir.resolve("t.jgrad")).doesNotExist();
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path d = idxDir("magic", "train-labels-idx1-ubyte.gz", gzip(labels(20, 0x00000802)));
        Cli.Result r = Cli.run("train", "--data", d.toString(), "--progress", "none",
                "--out", dir.resolve("m.jgrad").toString());
        assertInputError(r, d.resolve("train-labels-idx1-ubyte.gz").toString(), "byte offset 0", "0x00000802",
                "0x00000801");
    }

    @Test
    void imageAndLabelCountsDisagree() throws IOException {
        Path d = idxDir("counts", "train-labels-idx1-ubyte.gz", gzip(labels(19, 0x00000801)));
        Cli.Result r = Cli.run("train", "--data", d.toString(), "--progress", "none",
                "--out", dir.resolve("c.jgrad").toString());
        assertInputError(r, d.resolve("train-labels-idx1-ubyte.gz").toString(), "byte offset 4", "19 labels", "20 images");
    }

    // --- CSV files --------------------------------------------------------------------------------------------

    @Test
    void csvRowWithTheWrongNumberOfFields() throws IOException {
        Path csv = dir.resolve("fields.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4,y\n5,y\n7,8,x\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--progress", "none",
                "--out", dir.resolve("f.jgrad").toString());
        assertInputError(r, csv.toString(), "line 4", "expected 3 fields", "found 2");
    }

    @Test
    void csvNonNumericValue() throws IOException {
        Path csv = dir.resolve("text.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,abc,y\n5,6,x\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--progress", "none",
                "--out", dir.resolve("n.jgrad").toString());
        assertInputError(r, csv.toString(), "line 3, column 2", "expected a number", "'abc'");
    }

    @Test
    void labelTheModelDoesNotKnow() throws IOException {
        Path csv = dir.resolve("labels.csv");
        Files.writeString(csv, "x1,x2,label\n1,1,+1\n-1,1,-1\n\n2,2,+7\n");
        Cli.Result r = Cli.run("eval", "--model", model.toString(), "--data", csv.toString());
        assertInputError(r, csv.toString(), "line 5", "label '7' is not a class the model knows", "-1, +1");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path csv = dir.resolve("verbose.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,abc,y\n");
        Cli.Result r = Cli.run("train", "--data", csv.toString(), "--verbose");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines().get(0)).startsWith("error: " + csv + ": line 3, column 2");
        assertThat(r.err()).contains("DataFormatException").contains("\tat ");
    }

    @Test
    void predictCsvWithABadNumber() throws IOException {
        Path csv = dir.resolve("predict.csv");
        Files.writeString(csv, "1,2\n3,four\n");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--input", csv.toString());
        assertInputError(r, csv.toString(), "line 2, column 2", "'four'");
    }

    // --- files that are missing or damaged ----------------------------------------------------------------------

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.jgrad");
        Cli.Result r = Cli.run("eval", "--model", missing.toString());
        assertInputError(r, missing.toString(), "no such file");
    }

    @Test
    void missingDataIsNotADatasetName() {
        Cli.Result r = Cli.run("train", "--data", dir.resolve("nothing.csv").toString());
        assertInputError(r, "nothing.csv", "no such file or directory", "fashion-mnist");
    }

    @Test
    void corruptModelFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length - 10] ^= 0x55;
        Path corrupt = dir.resolve("corrupt.jgrad");
        Files.write(corrupt, bytes);
        Cli.Result r = Cli.run("eval", "--model", corrupt.toString());
        assertInputError(r, corrupt.toString(), "checksum");
    }

    @Test
    void truncatedModelFile() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        Path cut = dir.resolve("cut.jgrad");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 40));
        Cli.Result r = Cli.run("predict", "--model", cut.toString(), "--input", "whatever.csv");
        assertInputError(r, cut.toString(), "truncated", "expected " + bytes.length + " bytes");
    }

    @Test
    void modelFromANewerVersion() throws IOException {
        byte[] bytes = Files.readAllBytes(model);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(5, 99);
        Path newer = dir.resolve("newer.jgrad");
        Files.write(newer, bytes);
        Cli.Result r = Cli.run("eval", "--model", newer.toString());
        assertInputError(r, newer.toString(), "version 99", "newer");
    }

    @Test
    void notAnImage() throws IOException {
        Path fake = dir.resolve("fake.png");
        Files.writeString(fake, "not a png");
        Cli.Result r = Cli.run("predict", "--model", model.toString(), "--input", fake.toString());
        assertInputError(r, fake.toString());
    }

    // --- options that do not fit the data ----------------------------------------------------------------------

    @Test
    void layersThatDoNotFitTheData() {
        Cli.Result r = Cli.run("train", "--data", "xor", "--layers", "3,8,2", "--out", dir.resolve("l.jgrad").toString());
        assertInputError(r, "--layers 3,8,2", "input width 3", "2 features of xor");
        r = Cli.run("train", "--data", "xor", "--layers", "2,8,3", "--out", dir.resolve("l.jgrad").toString());
        assertInputError(r, "output width 3", "2 classes (-1, +1)");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("train", "--epoch", "3");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("error: Unknown options: '--epoch', '3' (did you mean --epochs?); "
                + "see 'jgrad train --help'");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertInputError(Cli.run("train", "--epochs", "0"), "--epochs must be positive");
        assertInputError(Cli.run("train", "--activation", "relu7"), "unknown activation 'relu7'");
        assertInputError(Cli.run("train", "--activation", "leaky-relu:-1"), "alpha must be >= 0");
        // --init reads the library's initializer catalog: its names, aliases and parameters.
        assertInputError(Cli.run("train", "--init", "lecun"), "--init: unknown initializer 'lecun'", "torch", "he-normal");
        assertInputError(Cli.run("train", "--init", "uniform:1,0"), "need finite a < b");
        Cli.Result r = Cli.run("train", "--data", "xor", "--samples", "100", "--epochs", "1", "--progress", "none",
                "--init", "kaiming-normal", "--out", dir.resolve("init.jgrad").toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertInputError(Cli.run("train", "--data", "plane", "--loss", "cross-entropy"), "--loss cross-entropy is for classification");
    }

    // --- nothing saved is overwritten by a failed run ----------------------------------------------------------

    @Test
    void failedRunsLeaveTheExistingModelAlone() throws IOException {
        Path existing = dir.resolve("existing.jgrad");
        Files.writeString(existing, "the model from yesterday");
        Path csv = dir.resolve("broken.csv");
        Files.writeString(csv, "a,b,label\n1,2,x\n3,4\n");
        Cli.Result bad = Cli.run("train", "--data", csv.toString(), "--out", existing.toString());
        assertThat(bad.code()).isEqualTo(ExitCodes.USAGE);
        // Diverging: a learning rate this large sends the loss to infinity within the first epoch.
        Cli.Result diverged = Cli.run("train", "--data", "circle", "--samples", "200", "--optimizer", "sgd",
                "--lr", "1e30", "--epochs", "5", "--progress", "none", "--out", existing.toString());
        assertThat(diverged.code()).as(diverged.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(diverged.err()).contains("training failed: loss became").contains("nothing was saved");
        assertThat(Files.readString(existing)).isEqualTo("the model from yesterday");
        assertThat(dir.resolve("existing.history.csv")).doesNotExist();
    }
}
