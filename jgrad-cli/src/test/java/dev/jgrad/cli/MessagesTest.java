package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad values get one clear line: no exception class names, no stack-trace-like text, the allowed range. */
class MessagesTest {

    static void assertOneLine(Cli.Result r, String expected) {
        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("error: ").contains(expected)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noiseClassesAndThreadsOutsideTheirRange() {
        assertOneLine(Cli.run("train", "--noise", "-1", "--progress", "none"), "--noise must be in [0, 0.5], got -1.0");
        assertOneLine(Cli.run("train", "--data", "spirals", "--classes", "1", "--progress", "none"),
                "--classes must be in [2, --samples], got 1");
        int cores = Runtime.getRuntime().availableProcessors();
        assertOneLine(Cli.run("train", "--threads", "10000", "--progress", "none"),
                "--threads must be in [1, " + cores + "] (the processors this machine has), got 10000");
        assertOneLine(Cli.run("eval", "--model", "x.jgrad", "--noise", "-1"), "--noise must be in [0, 0.5], got -1.0");
    }

    @Test
    void playgroundPortAndHost() {
        assertOneLine(Cli.run("playground", "--port", "99999", "--run-for", "0"),
                "--port must be in [0, 65535] (0 for any free port), got 99999");
        assertOneLine(Cli.run("playground", "--host", "no-such-host.invalid", "--port", "0", "--run-for", "0"),
                "--host no-such-host.invalid: not a host name or address this machine can resolve");
    }

    /** A PNG whose header claims 46000x46000: refused from the header, nothing decoded. */
    @Test
    void aHugeImageIsRefusedBeforeDecoding(@TempDir Path dir) throws IOException {
        BufferedImage small = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        Path png = dir.resolve("huge.png");
        ImageWriter w = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(png.toFile())) {
            w.setOutput(out);
            w.write(small);
        }
        byte[] b = Files.readAllBytes(png);
        // IHDR starts at byte 8: length(4) "IHDR"(4) width(4) height(4) ...; patch the size and its CRC.
        ByteBuffer bb = ByteBuffer.wrap(b);
        bb.putInt(16, 46000).putInt(20, 46000);
        CRC32 crc = new CRC32();
        crc.update(b, 12, 17);
        bb.putInt(29, (int) crc.getValue());
        Files.write(png, b);
        Path model = dir.resolve("img.jgrad");
        // A tiny image model: a 28x28 IDX set is not needed, only a model whose input is an image.
        dev.jgrad.cli.model.ModelInfo info = new dev.jgrad.cli.model.ModelInfo("fashion-mnist", "idx", false,
                java.util.List.of("a", "b"), new int[]{28, 28}, java.util.List.of(), "pixels/255", null,
                dev.jgrad.cli.model.LossKind.CROSS_ENTROPY, "relu", dev.jgrad.cli.model.Output.LOGITS, null);
        dev.jgrad.io.ModelFile.save(new dev.jgrad.nn.Sequential(new dev.jgrad.nn.Linear(784, 2, new java.util.Random(1))),
                info.toCard(new dev.jgrad.io.ModelCard()), model);
        assertOneLine(Cli.run("predict", "--model", model.toString(), "--input", png.toString()),
                png + ": 46000x46000 pixels is too large to read (at most 40 million pixels)");
    }
}
