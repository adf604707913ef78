package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real Fashion-MNIST, when installed: one quick epoch on a 2,000-image subset, then eval and predict. */
@EnabledIf("installed")
class FashionMnistTest {

    static boolean installed() {
        boolean installed = Files.isRegularFile(Path.of("/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz"));
        if (!installed) {
            System.err.println("FashionMnistTest: skipped: Fashion-MNIST is not in /usr/share/datasets/fashion-mnist."
                    + " To run it: apt-get install dataset-fashion-mnist.");
        }
        return installed;
    }

    @Test
    void oneEpochOnASubsetLearnsSomething(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("fashion.jgrad");
        Cli.Result r = Cli.run("train", "--data", "fashion-mnist", "--limit", "2000", "--epochs", "1", "--batch-size", "32",
                "--progress", "none", "--out", model.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("data: fashion-mnist (idx, 784 features, 10 classes): train 2000, validation 0, test 10000")
                .contains("model: MLP 784-256-128-10 relu, loss cross-entropy, adam lr 0.001, 1 epochs, batch 32");
        // Chance is 10%; one epoch of 2,000 images (63 steps) gets well past 65%.
        assertThat(TrainEvalPredictTest.testAccuracy(r.out())).isGreaterThan(0.65);
        assertThat(r.out()).contains("T-shirt/top").contains("Ankle boot");

        // A drawn trouser: a light rectangle with a gap, dark-on-light like a photo, so predict inverts it.
        Path png = dir.resolve("trouser.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(56, 56, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 56, 56);
        g.setColor(java.awt.Color.DARK_GRAY);
        g.fillRect(16, 4, 10, 48);
        g.fillRect(30, 4, 10, 48);
        g.fillRect(16, 4, 24, 8);
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Cli.Result p = Cli.run("predict", "--model", model.toString(), "--input", png.toString());
        assertThat(p.code()).as(p.toString()).isZero();
        assertThat(p.out()).contains("resized from 56x56 to 28x28, inverted").contains("  1. ").contains("  3. ");
    }
}
