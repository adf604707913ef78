package dev.jgrad.cli;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training run stopped by a signal saves a checkpoint: runs {@code jgrad train} in a child JVM, terminates it
 * once the first epochs are done and looks at what it left behind.
 */
class InterruptTest {

    @Test
    void terminationSavesACheckpoint(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("interrupted.jgrad");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.jgrad.cli.Main", "train", "--data", "spiral", "--epochs", "100000", "--progress", "none",
                "--out", model.toString());
        Path stdout = dir.resolve("stdout.txt");
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()
                && Files.readAllLines(stdout).stream().noneMatch(l -> l.matches("\\s+1\\s+\\d.*"))) {
            Thread.sleep(50); // until the first epoch's row is out
        }
        p.toHandle().destroy(); // SIGTERM runs the shutdown hooks, as Ctrl-C does
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
        String err = Files.readString(dir.resolve("stderr.txt"));
        assertThat(err).as(Files.readString(stdout) + "\n" + err).contains("interrupted: checkpoint saved to " + model);
        assertThat(Files.readString(stdout)).contains("stopped: interrupted (Ctrl-C or a termination signal) at epoch");
        SavedModel saved = ModelFile.load(model);
        assertThat(saved.card().section(ModelCard.TRAINING)).containsEntry("interrupted", true);
        assertThat(saved.card().string(ModelCard.PROVENANCE, "data")).contains("spiral");
        assertThat(saved.trainingState().orElseThrow().exact()).isFalse();
        assertThat(dir.resolve("interrupted.history.csv")).isRegularFile();
    }
}
