package dev.jgrad.cli;

import dev.jgrad.io.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Cases that used to give a wrong answer without an error: now they give the right one, or an error. */
class WrongAnswersTest {

    @TempDir
    static Path dir;

    static Path data;
    static Path model;

    /** Three features, one of whose names holds a comma (RFC 4180 quoting), and the label in the middle. */
    @BeforeAll
    static void trainOnACsvWithTheLabelInTheMiddle() throws IOException {
        StringBuilder csv = new StringBuilder("size,kind,\"weight, kg\",height\n");
        Random rng = new Random(9);
        for (int i = 0; i < 150; i++) {
            int k = i % 3;
            csv.append(String.format(Locale.ROOT, "%.3f,%s,%.3f,%.3f%n", 10 * k + rng.nextGaussian(),
                    new String[]{"small", "medium", "large"}[k], 50 + rng.nextGaussian(), 5 - 2 * k + rng.nextGaussian()));
        }
        data = Files.writeString(dir.resolve("things.csv"), csv);
        model = dir.resolve("things.jgrad");
        Cli.Result r = Cli.run("train", "--data", data.toString(), "--label", "kind", "--epochs", "60",
                "--progress", "none", "--out", model.toString());
        assertThat(r.code()).as(r.toString()).isZero();
    }

    @Test
    void theModelRemembersItsLabelColumnAndFeatureNames() throws IOException {
        dev.jgrad.io.ModelCard card = ModelFile.load(model).card();
        assertThat(card.labelColumn()).contains("kind");
        assertThat(card.featureNames()).containsExactly("size", "weight, kg", "height");
    }

    @Test
    void predictFindsColumnsByNameInAnyOrderWithQuotedCommas() throws IOException {
        // The same rows twice: in training order, and shuffled with an extra column and the label first.
        Path inOrder = Files.writeString(dir.resolve("in-order.csv"),
                "size,kind,\"weight, kg\",height\n0.1,small,50.2,5.1\n20.3,large,49.5,1.2\n");
        Path shuffled = Files.writeString(dir.resolve("shuffled.csv"),
                "kind,id,height,\"weight, kg\",size\nsmall,a,5.1,50.2,0.1\nlarge,b,1.2,49.5,20.3\n");
        Cli.Result a = Cli.run("predict", "--model", model.toString(), "--input", inOrder.toString());
        Cli.Result b = Cli.run("predict", "--model", model.toString(), "--input", shuffled.toString());
        assertThat(a.code()).as(a.toString()).isZero();
        assertThat(b.code()).as(b.toString()).isZero();
        assertThat(a.out()).contains("2 of 2 labelled rows predicted correctly").contains("(label small)");
        assertThat(b.out().replace(shuffled.toString(), "")).isEqualTo(a.out().replace(inOrder.toString(), ""));
    }

    @Test
    void predictNamesAMissingColumn() throws IOException {
        Path f = Files.writeString(dir.resolve("missing.csv"), "size,height\n1,2\n");
        BadInputTest.assertInputError(Cli.run("predict", "--model", model.toString(), "--input", f.toString()),
                f + ": the header has no column 'weight, kg'; the model's features are 'size', 'weight, kg', 'height'");
    }

    @Test
    void evalWithoutDataRefusesToScoreTheTrainingRowsOfACsvModel() {
        Cli.Result r = Cli.run("eval", "--model", model.toString());
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines().get(0)).contains("was trained on " + data + "; evaluating on that file would score "
                + "the rows it learned from. Give --data with rows held out from training");
    }

    @Test
    void evalWithoutDataOnA2dModelSaysItUsesFreshPoints() {
        Path m = dir.resolve("circle.jgrad");
        assertThat(Cli.run("train", "--epochs", "1", "--progress", "none", "--out", m.toString()).code()).isZero();
        Cli.Result r = Cli.run("eval", "--model", m.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("data: circle (1000 samples, freshly generated with --seed 1, not the points it "
                + "was trained on)");
    }

    @Test
    void aSingleClassCsvIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("one.csv"), "a,b,label\n1,2,yes\n3,4,yes\n5,6,yes\n");
        Cli.Result r = Cli.run("train", "--data", f.toString(), "--progress", "none",
                "--out", dir.resolve("one.jgrad").toString());
        BadInputTest.assertInputError(r, "--data " + f + ": the label column 'label' holds one class only ('yes')");
        assertThat(dir.resolve("one.jgrad")).doesNotExist();
    }

    private static byte[] images(int count, int side) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * side * side);
        b.putInt(0x00000803).putInt(count).putInt(side).putInt(side);
        for (int i = 0; i < count * side * side; i++) {
            b.put((byte) (i % 251));
        }
        return b.array();
    }

    @Test
    void testImagesOfAnotherSizeFailBeforeTraining() throws IOException {
        Path d = Files.createDirectories(dir.resolve("mixed"));
        Files.write(d.resolve("train-images-idx3-ubyte.gz"), BadInputTest.gzip(images(20, 28)));
        Files.write(d.resolve("train-labels-idx1-ubyte.gz"), BadInputTest.gzip(BadInputTest.labels(20, 0x00000801)));
        Files.write(d.resolve("t10k-images-idx3-ubyte.gz"), BadInputTest.gzip(images(10, 14)));
        Files.write(d.resolve("t10k-labels-idx1-ubyte.gz"), BadInputTest.gzip(BadInputTest.labels(10, 0x00000801)));
        Cli.Result r = Cli.run("train", "--data", d.toString(), "--epochs", "1", "--progress", "none",
                "--out", dir.resolve("mixed.jgrad").toString());
        BadInputTest.assertInputError(r, "the training images have 784 pixels each but the test images 196");
        assertThat(r.out()).doesNotContain("epoch");
    }
}
