package dev.jgrad.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code train --out} never damages what is there, and an output it cannot write is found before training. */
class SaveSafetyTest {

    @Test
    void anUnwritableOutputDirectoryIsFoundBeforeTrainingStarts() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no Linux /proc here (it refuses new files even to root)");
        Cli.Result r = Cli.run("train", "--data", "xor", "--epochs", "100000", "--progress", "none",
                "--out", "/proc/model.jgrad");
        BadInputTest.assertInputError(r, "cannot save /proc/model.jgrad: directory /proc: ");
        assertThat(r.err()).doesNotContain(".tmp").doesNotContain(".probe");
        assertThat(r.out()).as("training must not have started").doesNotContain("epoch");
    }

    @Test
    void aFifoAsOutputIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("model.jgrad");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        Cli.Result r = Cli.run("train", "--data", "xor", "--epochs", "100000", "--progress", "none",
                "--out", fifo.toString());
        BadInputTest.assertInputError(r, fifo + ": it is a FIFO (named pipe), not a regular file");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    }

    @Test
    void aSymlinkedOutputWritesTheLinksTargetAndKeepsItsMode(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectory(dir.resolve("store")).resolve("xor.jgrad");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("xor.jgrad"), real);
        Cli.Result r = Cli.run("train", "--data", "xor", "--samples", "100", "--epochs", "1", "--progress", "none",
                "--out", link.toString());
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readAllBytes(real)).startsWith("JGRAD".getBytes());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-------");
    }
}
