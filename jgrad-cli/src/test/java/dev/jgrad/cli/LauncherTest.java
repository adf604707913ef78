package dev.jgrad.cli;

import dev.jgrad.io.ModelFile;
import dev.jgrad.io.SavedModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code ./jgrad} launcher passes signals to the JVM (it {@code exec}s it): TERM, HUP or INT to the launcher's
 * process saves a checkpoint, as Ctrl-C does, and leaves no JVM running. Runs the real script with the test class
 * path ({@code JGRAD_CLASSPATH}), so it needs no packaged jar.
 *
 * <p>The launcher starts with the three signals at their default action, as a terminal or a service manager starts
 * it ({@code env --default-signal}). A signal that is ignored when a process starts stays ignored across exec, and
 * the JVM then leaves it ignored (that is how {@code nohup jgrad train} survives a closed terminal): a build run with
 * HUP ignored (under nohup, or a parent that ignores it) made the HUP case keep training, whatever the launcher's
 * JVM options.
 */
class LauncherTest {

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "HUP", "INT"})
    void aSignalToTheLauncherSavesACheckpointAndLeavesNoJvm(String signal, @TempDir Path dir) throws Exception {
        Path launcher = Path.of("..", "jgrad").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "the ./jgrad launcher is not at " + launcher);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) || Files.isExecutable(Path.of("/usr/bin/bash")),
                "no bash here to run the launcher");
        assumeTrue(new ProcessBuilder("env", "--default-signal=HUP,INT,TERM", "true").start().waitFor() == 0,
                "this env cannot reset signal actions (--default-signal, GNU coreutils 8.31+)");
        Path model = dir.resolve("long-run.jgrad");
        // env execs the launcher, which execs the JVM: one process id throughout.
        ProcessBuilder pb = new ProcessBuilder("env", "--default-signal=HUP,INT,TERM", launcher.toString(), "train",
                "--data", "spiral", "--epochs", "100000", "--progress", "none", "--out", model.toString());
        pb.environment().put("JGRAD_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        Process p = pb.start();
        try {
            signalAndCheck(signal, p, model, stdout, stderr);
        } finally {
            p.destroyForcibly(); // a failing run must not leave a 100,000-epoch training behind
        }
    }

    private static void signalAndCheck(String signal, Process p, Path model, Path stdout, Path stderr) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && p.isAlive()
                && Files.readAllLines(stdout).stream().noneMatch(l -> l.matches("\\s+1\\s+\\d.*"))) {
            Thread.sleep(50); // until the first epoch's row is out
        }
        assertThat(p.isAlive()).as("training still running before the signal (stderr: %s)",
                p.isAlive() ? "" : last(Files.readString(stderr), 400)).isTrue();
        // The signal goes to the launcher's own process id, as a service manager or a closed terminal sends it.
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
        assertThat(kill.waitFor()).isZero();
        boolean exited = p.waitFor(60, TimeUnit.SECONDS);
        // When it did not exit, say whether the JVM ignores the signal (SigIgn, bit n-1 for signal n) and how far it got.
        String ignored = exited ? "" : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status")).stream()
                .filter(l -> l.startsWith("SigIgn")).findFirst().orElse("SigIgn unknown");
        assertThat(exited).as("launcher exited after %s (%s; stdout: %s)", signal, ignored,
                exited ? "" : last(Files.readString(stdout), 400)).isTrue();
        // No JVM of this run is left: none has the model path on its command line.
        Thread.sleep(200);
        List<ProcessHandle> left = ProcessHandle.allProcesses()
                .filter(h -> h.info().commandLine().orElse("").contains(model.toString())).toList();
        left.forEach(ProcessHandle::destroyForcibly); // do not leave one behind even when failing
        assertThat(left).as("processes left running after " + signal).isEmpty();
        assertThat(Files.readString(stdout)).contains("stopped: interrupted (Ctrl-C or a termination signal) at epoch");
        SavedModel saved = ModelFile.load(model);
        assertThat(saved.card().get(dev.jgrad.io.ModelCard.TRAINING, "interrupted")).isEqualTo(true);
        assertThat(saved.card().string(dev.jgrad.io.ModelCard.PROVENANCE, "data")).contains("spiral");
        assertThat(Files.readString(stderr)).doesNotContain("WARNING: Using incubator modules");
    }

    /** The launcher picks the serial collector; a collector in JGRAD_JAVA_OPTS replaces it (the JVM refuses two). */
    @ParameterizedTest
    @ValueSource(strings = {"", "-XX:+UseParallelGC", "-Xmx256m -XX:+UseG1GC"})
    void aCollectorChosenInJavaOptionsReplacesTheLaunchers(String opts, @TempDir Path dir) throws Exception {
        Path launcher = Path.of("..", "jgrad").toAbsolutePath().normalize();
        assumeTrue(Files.isExecutable(launcher), "the ./jgrad launcher is not at " + launcher);
        ProcessBuilder pb = new ProcessBuilder(launcher.toString(), "--version");
        pb.environment().put("JGRAD_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("JGRAD_JAVA_OPTS", opts);
        pb.redirectErrorStream(true);
        Path out = dir.resolve("out.txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(out)).isZero();
            assertThat(Files.readString(out)).startsWith("jgrad ").doesNotContain("Multiple garbage collectors");
        } finally {
            p.destroyForcibly();
        }
    }

    private static String last(String text, int chars) {
        return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
    }
}
