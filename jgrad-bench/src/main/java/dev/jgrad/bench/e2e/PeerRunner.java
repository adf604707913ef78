package dev.jgrad.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds a Python with torch and numpy and runs {@code torch_mlp.py} as a subprocess, once with the environment
 * as it is and, when {@code OPENBLAS_CORETYPE} or {@code OPENBLAS_L2_SIZE} is set, once more with both removed
 * from that subprocess's environment only (OpenBLAS picks different kernels and blockings with them).
 */
final class PeerRunner {

    static final String MISSING = "peer missing: install python3-torch libopenblas0-pthread";
    static final List<String> OPENBLAS_TUNING = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");
    private static final String RESULT_PREFIX = "TORCH-MLP-RESULT ";

    private final String python;
    private final Path script;
    private final String problem;

    private PeerRunner(String python, Path script, String problem) {
        this.python = python;
        this.script = script;
        this.problem = problem;
    }

    /** Locates interpreter and script; {@link #problem()} says what is missing, if anything. */
    static PeerRunner locate(BenchOptions o) {
        Path script = o.peerScript() != null ? o.peerScript() : findScript();
        if (script == null || !Files.isRegularFile(script)) {
            return new PeerRunner(null, null, "peer script jgrad-bench/peers/torch_mlp.py not found (use --peer-script)");
        }
        List<String> candidates = o.python() != null ? List.of(o.python()) : List.of("python3", "/usr/bin/python3");
        List<String> tried = new ArrayList<>();
        for (String py : candidates) {
            if (importsTorch(py)) {
                return new PeerRunner(py, script, null);
            }
            tried.add(py);
        }
        return new PeerRunner(null, script, MISSING + " (no torch+numpy in " + String.join(", ", tried) + ")");
    }

    String problem() {
        return problem;
    }

    String python() {
        return python;
    }

    /** The peers directory ({@code jgrad-bench/peers}) the script was found in, or null. */
    Path peersDir() {
        return script == null ? null : script.toAbsolutePath().getParent();
    }

    /** The peers directory searched for as {@link #locate} does, with or without a usable Python. */
    static Path findPeersDir(BenchOptions o) {
        Path script = o.peerScript() != null ? o.peerScript() : findScript();
        return script == null || !Files.isRegularFile(script) ? null : script.toAbsolutePath().getParent();
    }

    /** The environment variants to run: "env" (as set) and, if any tuning variable is set, "unset". */
    static List<String> variants() {
        List<String> v = new ArrayList<>(List.of("env"));
        if (OPENBLAS_TUNING.stream().anyMatch(k -> System.getenv(k) != null)) {
            v.add("unset");
        }
        return v;
    }

    Map<String, Object> run(int threads, String variant, BenchOptions o, PrintStream log)
            throws Processes.ChildFailedException {
        return run(threads, variant, o, log, List.of());
    }

    /** Only the three Trainer rows (train_bN, train_bN_cpu), with OPENBLAS_* as set. */
    Map<String, Object> runTrainerRows(int threads, BenchOptions o, PrintStream log)
            throws Processes.ChildFailedException {
        return run(threads, "env", o, log, List.of("--only", "trainer"));
    }

    private Map<String, Object> run(int threads, String variant, BenchOptions o, PrintStream log, List<String> extra)
            throws Processes.ChildFailedException {
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--threads", Integer.toString(threads),
                "--scale", o.scale().name().toLowerCase(java.util.Locale.ROOT), "--seed", Long.toString(o.seed())));
        cmd.addAll(extra);
        Path data = o.dataDir() != null ? o.dataDir() : Path.of("/usr/share/datasets/fashion-mnist");
        cmd.add("--data");
        cmd.add(data.toString());
        // The thread count is the experiment's variable: pin every pool the peer may use to it.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OMP_NUM_THREADS", Integer.toString(threads));
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        List<String> removed = variant.equals("unset") ? OPENBLAS_TUNING : List.of();
        return Processes.runForJson(cmd, env, removed, RESULT_PREFIX, log);
    }

    /** The command line that {@link #run} uses, for BENCHMARKS.md. */
    String describe() {
        return python + " " + script;
    }

    private static boolean importsTorch(String py) {
        try {
            Process p = new ProcessBuilder(py, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code jgrad-bench/peers/torch_mlp.py} (or {@code peers/torch_mlp.py}) in the working directory or a parent,
     * else next to where these classes were loaded from (target/classes, or a jar such as jgrad-cli/target/jgrad.jar
     * inside the repository).
     */
    private static Path findScript() {
        Path found = searchUpwards(Path.of("").toAbsolutePath());
        if (found != null) {
            return found;
        }
        try {
            return searchUpwards(Path.of(PeerRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private static Path searchUpwards(Path start) {
        for (Path d = start; d != null; d = d.getParent()) {
            for (Path candidate : List.of(d.resolve("jgrad-bench/peers/torch_mlp.py"), d.resolve("peers/torch_mlp.py"))) {
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
