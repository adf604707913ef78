package dev.jgrad.bench.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link BenchSuite} runs. Build one with {@link #defaults()} and the {@code with...} methods, or from
 * command-line words with {@link #parse(String...)} ({@link #USAGE} lists them).
 *
 * @param scale      how much work (FULL, QUICK or TINY)
 * @param threads    the thread counts to compare, each in its own child JVM for jgrad
 * @param json       where to save the results as JSON, or null
 * @param python     the Python interpreter for the peer, or null to find one with torch
 * @param peerScript {@code torch_mlp.py}, or null to look for {@code jgrad-bench/peers/torch_mlp.py}
 * @param peer       whether to run the PyTorch/numpy peer at all
 * @param inProcess  measure jgrad in this JVM (only its own {@code -Djgrad.threads} count) instead of child JVMs
 * @param dataDir    the Fashion-MNIST directory, or null for the installed copy
 * @param seed       seeds every model, shuffle and random data set
 * @param commands   whether to run the whole-command measurements too, only them, or not
 * @param scalingOnly only the alternating 1-thread/N-thread JVMs of the Trainer rows ({@link ThreadScaling})
 */
public record BenchOptions(Scale scale, List<Integer> threads, Path json, String python, Path peerScript,
                           boolean peer, boolean inProcess, Path dataDir, long seed, Commands commands,
                           boolean scalingOnly) {

    /** Whether to run the whole-command measurements ({@link CommandRuns}): also, only them, or not. */
    public enum Commands { ALSO, ONLY, NONE }

    public static final String USAGE = """
            Usage: bench [--quick] [--threads 1,2] [--json out.json] [--no-peer] [--python PATH]
                         [--peer-script PATH] [--data DIR] [--seed N] [--in-process]
              --quick        a few seconds, small sizes (default: the full run, a few minutes)
              --threads      thread counts to compare (default 1,2)
              --json         also save every number as JSON
              --no-peer      jgrad only (no PyTorch/numpy run)
              --python       interpreter with torch and numpy (default: python3, then /usr/bin/python3)
              --peer-script  the peer script (default: jgrad-bench/peers/torch_mlp.py, searched upwards)
              --data         Fashion-MNIST directory (default: the installed copy; random data if absent)
              --seed         seed for models, shuffling and random data (default 42)
              --in-process   measure jgrad in this JVM only, with its own -Djgrad.threads
              --commands-only  only the whole commands: time to first result (jgrad train, jgrad predict) and
                             peak memory of a Fashion-MNIST training, beside PyTorch's (needs the jgrad launcher)
              --no-commands  skip those
              --scaling-only only the Trainer rows in JVMs alternating between 1 thread and the most in --threads:
                             whether more threads pay on this machine
            """;

    public BenchOptions(Scale scale, List<Integer> threads, Path json, String python, Path peerScript,
                        boolean peer, boolean inProcess, Path dataDir, long seed) {
        this(scale, threads, json, python, peerScript, peer, inProcess, dataDir, seed, Commands.ALSO, false);
    }

    public BenchOptions withCommands(Commands c) {
        return new BenchOptions(scale, threads, json, python, peerScript, peer, inProcess, dataDir, seed, c, scalingOnly);
    }

    public BenchOptions {
        threads = List.copyOf(threads);
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1)) {
            throw new IllegalArgumentException("bench: --threads needs positive counts, got " + threads);
        }
    }

    /** The full run on 1 and 2 threads with the peer, seed 42. */
    public static BenchOptions defaults() {
        return new BenchOptions(Scale.FULL, List.of(1, 2), null, null, null, true, false, null, 42);
    }

    public BenchOptions withScale(Scale s) {
        return new BenchOptions(s, threads, json, python, peerScript, peer, inProcess, dataDir, seed, commands, scalingOnly);
    }

    public BenchOptions withThreads(List<Integer> t) {
        return new BenchOptions(scale, t, json, python, peerScript, peer, inProcess, dataDir, seed, commands, scalingOnly);
    }

    public BenchOptions withJson(Path p) {
        return new BenchOptions(scale, threads, p, python, peerScript, peer, inProcess, dataDir, seed, commands, scalingOnly);
    }

    public BenchOptions withPeer(boolean p) {
        return new BenchOptions(scale, threads, json, python, peerScript, p, inProcess, dataDir, seed, commands, scalingOnly);
    }

    public BenchOptions withInProcess(boolean p) {
        return new BenchOptions(scale, threads, json, python, peerScript, peer, p, dataDir, seed, commands, scalingOnly);
    }

    public BenchOptions withDataDir(Path d) {
        return new BenchOptions(scale, threads, json, python, peerScript, peer, inProcess, d, seed, commands, scalingOnly);
    }

    /** Parses command-line words; throws IllegalArgumentException with the offending word and {@link #USAGE}. */
    public static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> o = o.withScale(Scale.QUICK);
                case "--tiny" -> o = o.withScale(Scale.TINY); // for the unit test
                case "--no-peer" -> o = o.withPeer(false);
                case "--in-process" -> o = o.withInProcess(true);
                case "--commands-only" -> o = o.withCommands(Commands.ONLY);
                case "--no-commands" -> o = o.withCommands(Commands.NONE);
                case "--scaling-only" -> o = new BenchOptions(o.scale, o.threads, o.json, o.python, o.peerScript, o.peer,
                        o.inProcess, o.dataDir, o.seed, o.commands, true);
                case "--threads" -> {
                    List<Integer> t = new ArrayList<>();
                    for (String s : value(args, i++).split(",")) {
                        t.add(parseInt("--threads", s));
                    }
                    o = o.withThreads(t);
                }
                case "--json" -> o = o.withJson(Path.of(value(args, i++)));
                case "--data" -> o = o.withDataDir(Path.of(value(args, i++)));
                case "--python" -> o = new BenchOptions(o.scale, o.threads, o.json, value(args, i++), o.peerScript,
                        o.peer, o.inProcess, o.dataDir, o.seed, o.commands, o.scalingOnly);
                case "--peer-script" -> o = new BenchOptions(o.scale, o.threads, o.json, o.python,
                        Path.of(value(args, i++)), o.peer, o.inProcess, o.dataDir, o.seed, o.commands, o.scalingOnly);
                case "--seed" -> o = new BenchOptions(o.scale, o.threads, o.json, o.python, o.peerScript, o.peer,
                        o.inProcess, o.dataDir, parseInt("--seed", value(args, i++)), o.commands, o.scalingOnly);
                default -> throw new IllegalArgumentException("bench: unknown option '" + a + "'\n" + USAGE);
            }
        }
        return o;
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("bench: " + args[i] + " needs a value\n" + USAGE);
        }
        return args[i + 1];
    }

    private static int parseInt(String option, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bench: " + option + " expects an integer, got '" + s + "'", e);
        }
    }
}
