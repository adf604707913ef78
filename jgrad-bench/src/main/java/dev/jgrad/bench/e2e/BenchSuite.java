package dev.jgrad.bench.e2e;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.GemmThreads;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The side-by-side benchmark: for each thread count, jgrad's numbers (from a child JVM started with
 * {@code --add-modules jdk.incubator.vector -Djgrad.threads=N}, since the GEMM thread count is fixed per JVM)
 * and the PyTorch/numpy peer's (a Python subprocess, with the environment as set and, if OpenBLAS tuning
 * variables are set, with them unset), printed as Markdown tables with speed ratios and optionally saved as
 * JSON; then, for 1 and N threads, the Trainer rows again in JVMs that alternate between the two counts
 * ({@link ThreadScaling}), the scaling figure to trust on a shared machine.
 *
 * <p>Entry point for {@code jgrad bench}: {@code BenchSuite.run(BenchOptions.parse(args), System.out)}.
 */
public final class BenchSuite {

    private BenchSuite() {
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        run(options, System.out);
    }

    /**
     * Runs the suite, prints progress and the tables to {@code out}, writes {@code options.json()} if set, and
     * returns the whole report (the same object as the JSON file).
     */
    public static Map<String, Object> run(BenchOptions options, PrintStream out) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("date", Instant.now().toString());
        report.put("scale", options.scale().name().toLowerCase(Locale.ROOT));
        report.put("machine", Machine.describe());
        report.put("load_before", Machine.loadAverage());
        out.println("jgrad bench (" + report.get("scale") + "), " + Machine.describe().get("cpu") + ", "
                + Machine.describe().get("cores") + " cores, load " + Machine.loadAverage());

        PeerRunner peer = options.peer() ? PeerRunner.locate(options) : null;
        List<String> variants = PeerRunner.variants();
        if (peer != null && peer.problem() != null) {
            out.println(peer.problem().startsWith(PeerRunner.MISSING) ? peer.problem() : "peer skipped: " + peer.problem());
        } else if (peer != null) {
            out.println("peer: " + peer.describe() + (variants.size() > 1
                    ? " (run twice: OPENBLAS_* as set, and unset)" : " (OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE not set)"));
        }
        report.put("peer", peer == null ? "disabled" : peer.problem() == null ? peer.describe() : peer.problem());

        if (options.commands() != BenchOptions.Commands.NONE && !options.scalingOnly() && !options.inProcess()
                && options.scale() != Scale.TINY) {
            report.put("commands", runCommands(options, peer, out));
        }
        List<Object> perThreads = new ArrayList<>();
        boolean sections = options.commands() != BenchOptions.Commands.ONLY && !options.scalingOnly();
        for (int t : sections ? options.threads() : List.<Integer>of()) {
            if (options.inProcess() && t != GemmThreads.threads()) {
                out.println("skipping " + t + " thread(s): --in-process measures only this JVM's " + GemmThreads.threads());
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("threads", t);
            out.println();
            out.println("== " + t + " thread" + (t == 1 ? "" : "s") + " ==");
            Map<String, Object> jgrad = runJgrad(t, options, out);
            entry.put("jgrad", jgrad);
            Map<String, Object> peers = new LinkedHashMap<>();
            if (peer != null && peer.problem() == null) {
                for (String v : variants) {
                    try {
                        peers.put(v, peer.run(t, v, options, out));
                    } catch (Processes.ChildFailedException e) {
                        out.println("peer (" + v + ") failed: " + e.getMessage());
                        peers.put(v, Map.of("error", e.getMessage()));
                    }
                }
            }
            entry.put("peer", peers);
            perThreads.add(entry);
            out.println();
            ResultTable.print(out, t, jgrad, peers);
        }
        report.put("results", perThreads);
        int most = options.threads().stream().mapToInt(Integer::intValue).max().orElse(1);
        if (options.threads().contains(1) && most > 1 && !options.inProcess() && ThreadScaling.pairs(options.scale()) > 0
                && options.commands() != BenchOptions.Commands.ONLY) {
            report.put("thread_scaling", ThreadScaling.run(most, options, out));
        }
        if (peer != null && peer.problem() == null && sections && !options.inProcess()
                && ThreadScaling.pairs(options.scale()) > 0) {
            List<Object> peerPairs = new ArrayList<>();
            for (int t : options.threads()) {
                peerPairs.add(PeerPairs.run(t, peer, options, out));
            }
            report.put("peer_pairs", peerPairs);
        }
        report.put("load_after", Machine.loadAverage());
        out.println();
        out.println("load average after: " + Machine.loadAverage());
        if (options.json() != null) {
            try {
                Files.writeString(options.json(), Json.writePretty(report));
                out.println("saved " + options.json());
            } catch (IOException e) {
                out.println("could not write " + options.json() + ": " + e.getMessage());
            }
        }
        return report;
    }

    /**
     * Whole commands from the shell ({@link CommandRuns}): time to first result and peak memory, jgrad beside
     * PyTorch, rounds alternating. Needs the {@code jgrad} launcher of the repository the peers live in.
     */
    private static Map<String, Object> runCommands(BenchOptions o, PeerRunner peer, PrintStream out) {
        Map<String, Object> section = new LinkedHashMap<>();
        Path peers = peer != null && peer.peersDir() != null ? peer.peersDir() : PeerRunner.findPeersDir(o);
        Path launcher = CommandRuns.launcherFor(peers);
        if (launcher == null) {
            out.println("whole commands not measured: the jgrad launcher (next to jgrad-bench/peers) was not found");
            section.put("error", "launcher not found");
            return section;
        }
        String python = peer != null && peer.problem() == null ? peer.python() : null;
        CommandRuns runs = new CommandRuns(launcher, python, peers, o.dataDir(), out);
        int rounds = o.scale() == Scale.FULL ? 5 : 2;
        out.println();
        out.println("== whole commands from the shell (" + launcher + ") ==");
        try {
            Map<String, Object> first = runs.firstResult(rounds);
            section.put("first_result", first);
            CommandRuns.print(out, "time to first result", first);
            Map<String, Object> memory = runs.memory(o.scale() == Scale.FULL ? 3 : 1);
            section.put("memory", memory);
            CommandRuns.print(out, "Fashion-MNIST 784-256-128-10, 2 epochs", memory);
        } catch (IOException e) {
            out.println("whole commands failed: " + e.getMessage());
            section.put("error", e.getMessage());
        }
        return section;
    }

    /** jgrad's results for {@code threads}, from a child JVM (or this one with --in-process). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> runJgrad(int threads, BenchOptions o, PrintStream out) {
        if (o.inProcess()) {
            out.println("jgrad in this JVM, kernels: " + Backend.choice().kernels().describe() + " ("
                    + Backend.choice().reason() + ")");
            return JgradWorker.measure(o.scale(), o.seed(), o.dataDir());
        }
        try {
            Map<String, Object> r = Processes.runForJson(workerCommand(threads, o), workerEnvironment(threads),
                    List.of(), JgradWorker.RESULT_PREFIX, out);
            out.println("jgrad kernels: " + r.getOrDefault("kernels_detail", r.get("kernels")) + " (" + r.get("kernels_reason") + "); "
                    + r.get("java"));
            out.println("data: " + r.get("data"));
            return r;
        } catch (Processes.ChildFailedException e) {
            out.println("jgrad worker failed: " + e.getMessage());
            return Map.of("error", e.getMessage());
        }
    }

    /** With -Djgrad.kernels=blas the products run on OpenBLAS's own threads: the worker gives it the same count. */
    static Map<String, String> workerEnvironment(int threads) {
        return Map.of("OPENBLAS_NUM_THREADS", Integer.toString(threads));
    }

    /**
     * The options of this JVM a child JVM takes over: the collector, heap shape and code-generation flags the
     * {@code jgrad} launcher sets (-XX:..., -Xmn), so the workers measure what users run (with G1, the JVM's default,
     * the GEMM's packed panels are not 64-byte aligned). Not the class-data archive: it was dumped for the launcher's
     * {@code -jar}, and the worker starts from a class path.
     */
    static List<String> inheritedVmOptions(List<String> parentOptions) {
        List<String> kept = new ArrayList<>();
        for (String opt : parentOptions) {
            if ((opt.startsWith("-XX:") && !opt.startsWith("-XX:SharedArchiveFile")) || opt.startsWith("-Xmn")) {
                kept.add(opt);
            }
        }
        return kept;
    }

    /**
     * The command line of a child JVM running {@link JgradWorker} on {@code threads} threads with this JVM's class
     * path; {@code mode} (e.g. {@link JgradWorker#TRAINER_ROWS}) goes before the worker's usual arguments.
     */
    static List<String> workerCommand(int threads, BenchOptions o, String... mode) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("--add-modules");
        cmd.add("jdk.incubator.vector");
        cmd.addAll(inheritedVmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.add("-Djgrad.threads=" + threads);
        String kernels = System.getProperty("jgrad.kernels", System.getenv("JGRAD_KERNELS"));
        if (kernels != null) {
            cmd.add("-Djgrad.kernels=" + kernels);
        }
        cmd.add("-Xmx4g"); // the full-batch loop holds 60,000 x 784 floats a few times over
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(JgradWorker.class.getName());
        cmd.addAll(List.of(mode));
        cmd.add(o.scale().name());
        cmd.add(Long.toString(o.seed()));
        if (o.dataDir() != null) {
            cmd.add(o.dataDir().toString());
        }
        return cmd;
    }
}
