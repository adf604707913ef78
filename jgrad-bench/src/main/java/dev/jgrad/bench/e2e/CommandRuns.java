package dev.jgrad.bench.e2e;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whole commands as a user starts them from the shell, each in a fresh process: the time to a first result
 * ({@code jgrad train} with no arguments, {@code jgrad predict} on one image, and the same in a PyTorch script,
 * {@code peers/torch_first_result.py}) and the peak resident memory of a Fashion-MNIST training
 * ({@code jgrad train --data fashion-mnist --layers 784,256,128,10 --epochs 2}, and the same in
 * {@code peers/torch_mlp_memory.py}).
 *
 * <p>The contenders alternate round by round (A, B, C, A, B, C, ...), so a neighbour's burst on a shared machine
 * slows all of them alike; each row is the median of the rounds with the spread (min-max) beside it. jgrad runs
 * through the {@code jgrad} launcher, with its class-data archive and, as "before", with {@code JGRAD_CDS=off}.
 * Wall time is measured here around the process; CPU time and peak RSS come from {@code /usr/bin/time} when it
 * exists.
 */
final class CommandRuns {

    private final Path launcher;
    private final String python;
    private final Path peers;
    private final Path dataDir;
    private final PrintStream log;

    CommandRuns(Path launcher, String python, Path peers, Path dataDir, PrintStream log) {
        this.launcher = launcher;
        this.python = python;
        this.peers = peers;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** The {@code jgrad} launcher at the root of the repository that holds {@code peers}, or null. */
    static Path launcherFor(Path peersDir) {
        if (peersDir == null || peersDir.getParent() == null || peersDir.getParent().getParent() == null) {
            return null;
        }
        Path l = peersDir.getParent().getParent().resolve("jgrad");
        return Files.isExecutable(l) ? l : null;
    }

    /** One command's measurement over the rounds. */
    record Sample(List<Double> wall, List<Double> cpu, List<Double> rssMb) {
    }

    /** Time to first result: train and predict, jgrad (archive on and off) and torch, {@code rounds} rounds. */
    Map<String, Object> firstResult(int rounds) throws IOException {
        Path dir = Files.createTempDirectory("jgrad-bench-first");
        try {
            Map<String, List<String>> contenders = new LinkedHashMap<>();
            Map<String, Map<String, String>> envs = new LinkedHashMap<>();
            contenders.put("jgrad_train", List.of(launcher.toString(), "train", "--progress", "none"));
            envs.put("jgrad_train", Map.of());
            contenders.put("jgrad_train_nocds", contenders.get("jgrad_train"));
            envs.put("jgrad_train_nocds", Map.of("JGRAD_CDS", "off"));
            if (python != null) {
                contenders.put("torch_train", List.of(python, peers.resolve("torch_first_result.py").toString(), "train", "."));
                envs.put("torch_train", Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1"));
            }
            Path image = peers.getParent().getParent().resolve("docs/examples/shirt.png");
            Path fashion = dataDir != null ? dataDir : Path.of("/usr/share/datasets/fashion-mnist");
            List<String> notes = new ArrayList<>();
            if (Files.isRegularFile(image) && Files.isDirectory(fashion)) {
                // A real 784-256-128-10 model to predict with (one short epoch; its weights do not matter for time).
                run(List.of(launcher.toString(), "train", "--data", fashion.toString(), "--layers", "784,256,128,10",
                        "--epochs", "1", "--limit", "2000", "--progress", "none", "--out", "fashion.jgrad"), Map.of(), dir);
                contenders.put("jgrad_predict", List.of(launcher.toString(), "predict", "--model", "fashion.jgrad",
                        "--input", image.toString()));
                envs.put("jgrad_predict", Map.of());
                contenders.put("jgrad_predict_nocds", contenders.get("jgrad_predict"));
                envs.put("jgrad_predict_nocds", Map.of("JGRAD_CDS", "off"));
                if (python != null) {
                    run(List.of(python, peers.resolve("torch_first_result.py").toString(), "setup", "."), Map.of(), dir);
                    contenders.put("torch_predict", List.of(python, peers.resolve("torch_first_result.py").toString(),
                            "predict", ".", image.toString()));
                    envs.put("torch_predict", Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1"));
                }
            } else {
                notes.add("predict not measured: needs " + image + " and Fashion-MNIST in " + fashion);
            }
            Map<String, Object> out = interleave(contenders, envs, rounds, dir);
            out.put("notes", notes);
            return out;
        } finally {
            deleteTree(dir);
        }
    }

    /** Peak resident memory of two epochs of Fashion-MNIST 784-256-128-10, jgrad and torch, {@code rounds} rounds. */
    Map<String, Object> memory(int rounds) throws IOException {
        Path fashion = dataDir != null ? dataDir : Path.of("/usr/share/datasets/fashion-mnist");
        if (!Files.isDirectory(fashion)) {
            return new LinkedHashMap<>(Map.of("notes", List.of("memory not measured: no Fashion-MNIST in " + fashion)));
        }
        Path dir = Files.createTempDirectory("jgrad-bench-memory");
        try {
            Map<String, List<String>> contenders = new LinkedHashMap<>();
            Map<String, Map<String, String>> envs = new LinkedHashMap<>();
            contenders.put("jgrad_fashion_2ep", List.of(launcher.toString(), "train", "--data", fashion.toString(),
                    "--layers", "784,256,128,10", "--epochs", "2", "--progress", "none", "--out", "m.jgrad"));
            envs.put("jgrad_fashion_2ep", Map.of());
            if (python != null) {
                contenders.put("torch_fashion_2ep", List.of(python, peers.resolve("torch_mlp_memory.py").toString(),
                        fashion.toString()));
                envs.put("torch_fashion_2ep", Map.of("OMP_NUM_THREADS", "1", "OPENBLAS_NUM_THREADS", "1")); // memory, not speed
            }
            return interleave(contenders, envs, rounds, dir);
        } finally {
            deleteTree(dir);
        }
    }

    private Map<String, Object> interleave(Map<String, List<String>> contenders, Map<String, Map<String, String>> envs,
                                           int rounds, Path dir) throws IOException {
        Map<String, Sample> samples = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> samples.put(k, new Sample(new ArrayList<>(), new ArrayList<>(), new ArrayList<>())));
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, List<String>> c : contenders.entrySet()) {
                log.println("  round " + (r + 1) + "/" + rounds + ": " + c.getKey());
                double[] m = run(c.getValue(), envs.get(c.getKey()), dir);
                Sample s = samples.get(c.getKey());
                s.wall().add(m[0]);
                if (!Double.isNaN(m[1])) {
                    s.cpu().add(m[1]);
                    s.rssMb().add(m[2]);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Sample> e : samples.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("command", String.join(" ", contenders.get(e.getKey())));
            m.put("env", envs.get(e.getKey()));
            put(m, "wall_s", e.getValue().wall());
            put(m, "cpu_s", e.getValue().cpu());
            put(m, "rss_mb", e.getValue().rssMb());
            out.put(e.getKey(), m);
        }
        out.put("rounds", rounds);
        out.put("load_after", Machine.loadAverage());
        return out;
    }

    private static void put(Map<String, Object> m, String key, List<Double> values) {
        if (values.isEmpty()) {
            return;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        m.put(key, Stats.median(v));
        m.put(key + "_min", values.stream().min(Comparator.naturalOrder()).orElseThrow());
        m.put(key + "_max", values.stream().max(Comparator.naturalOrder()).orElseThrow());
    }

    /** Runs a command in {@code dir}: {wall seconds, CPU seconds (user + system), peak RSS in MB} (NaN if unknown). */
    private static double[] run(List<String> command, Map<String, String> env, Path dir) throws IOException {
        Path timeFile = dir.resolve(".time");
        List<String> cmd = new ArrayList<>();
        boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
        if (timed) {
            cmd.addAll(List.of("/usr/bin/time", "-o", timeFile.toString(), "-f", "%U %S %M"));
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            String text = new String(output, StandardCharsets.UTF_8).strip();
            throw new IOException(String.join(" ", command) + " exited with " + code + ": "
                    + text.substring(Math.max(0, text.length() - 600)));
        }
        if (!timed) {
            return new double[] {wall, Double.NaN, Double.NaN};
        }
        String[] f = Files.readString(timeFile).strip().lines().reduce((a, b) -> b).orElse("").split("\\s+");
        return new double[] {wall, Double.parseDouble(f[0]) + Double.parseDouble(f[1]), Double.parseDouble(f[2]) / 1024};
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The section as Markdown rows: median wall time (min-max), CPU time, peak RSS. */
    @SuppressWarnings("unchecked")
    static void print(PrintStream out, String title, Map<String, Object> section) {
        out.println();
        out.println("| " + title + " | wall s, median (min-max) | CPU s | peak RSS MB |");
        out.println("|---|---:|---:|---:|");
        for (Map.Entry<String, Object> e : section.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> raw) || raw.get("wall_s") == null) {
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) raw;
            out.println(String.format(Locale.ROOT, "| %s | %.2f (%.2f-%.2f) | %s | %s |", label(e.getKey(), m),
                    num(m, "wall_s"), num(m, "wall_s_min"), num(m, "wall_s_max"),
                    m.get("cpu_s") == null ? "-" : String.format(Locale.ROOT, "%.2f", num(m, "cpu_s")),
                    m.get("rss_mb") == null ? "-" : String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", num(m, "rss_mb"),
                            num(m, "rss_mb_min"), num(m, "rss_mb_max"))));
        }
        if (section.get("notes") instanceof List<?> notes) {
            notes.forEach(n -> out.println("(" + n + ")"));
        }
        out.println("(" + section.get("rounds") + " rounds, contenders alternating; load average after: "
                + section.get("load_after") + ")");
    }

    private static String label(String key, Map<String, Object> m) {
        String env = m.get("env") instanceof Map<?, ?> e && e.containsKey("JGRAD_CDS") ? "JGRAD_CDS=off " : "";
        String cmd = ((String) m.get("command")).replaceAll("\\S*/(jgrad|python3|torch_\\w+\\.py|shirt\\.png)\\b", "$1")
                .replaceAll("/\\S*/fashion-mnist", "fashion-mnist");
        return key.startsWith("torch") ? "PyTorch: " + cmd : env + cmd;
    }

    private static double num(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }
}
