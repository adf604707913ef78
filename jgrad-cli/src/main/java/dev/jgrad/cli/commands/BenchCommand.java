package dev.jgrad.cli.commands;

import dev.jgrad.bench.e2e.BenchOptions;
import dev.jgrad.bench.e2e.BenchSuite;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code jgrad bench}: the same work in jgrad and in PyTorch/numpy, side by side, as a table of ratios (the
 * suite lives in jgrad-bench; this command only maps the options onto it).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark jgrad against PyTorch side by side: MLP training, inference, the playground network,"
                + " the notes' classic loop, allocation per step.",
        footer = {"", "The peer needs Debian's python3-torch and libopenblas0-pthread; without them only jgrad's numbers"
                + " are printed.", "", "Examples:", "  jgrad bench --quick", "  jgrad bench --threads 1,2 --json bench.json",
                "  jgrad bench --scaling-only"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--quick", description = "A few seconds with small sizes (default: the full run, a few minutes).")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N[,N]", description = "Thread counts to compare (default: ${DEFAULT-VALUE}).",
            defaultValue = "1,2")
    String threads;

    @Option(names = "--json", paramLabel = "FILE", description = "Also save every number as JSON.")
    Path json;

    @Option(names = "--no-peer", description = "Measure jgrad only (no PyTorch/numpy run).")
    boolean noPeer;

    @Option(names = "--python", paramLabel = "PATH", description = "Interpreter with torch and numpy (default: python3).")
    String python;

    @Option(names = "--data", paramLabel = "DIR", description = "Fashion-MNIST directory (default: the installed copy,"
            + " else random data of the same shape).")
    Path data;

    @Option(names = "--commands-only", description = "Only the whole commands from the shell: time to first result"
            + " (jgrad train, jgrad predict) and peak memory of a Fashion-MNIST training, beside PyTorch's.")
    boolean commandsOnly;

    @Option(names = "--no-commands", description = "Skip the whole-command measurements.")
    boolean noCommands;

    @Option(names = "--scaling-only", description = "Only the Trainer rows in JVMs alternating between 1 thread and the"
            + " most in --threads (5 pairs): whether more threads pay on this machine.")
    boolean scalingOnly;

    @Option(names = "--seed", description = "Seed for models, shuffling and random data (default: ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Override
    public Integer call() {
        List<String> words = new ArrayList<>(List.of("--threads", threads, "--seed", Long.toString(seed)));
        if (quick) {
            words.add("--quick");
        }
        if (noPeer) {
            words.add("--no-peer");
        }
        if (commandsOnly) {
            words.add("--commands-only");
        }
        if (noCommands) {
            words.add("--no-commands");
        }
        if (scalingOnly) {
            words.add("--scaling-only");
        }
        if (json != null) {
            words.addAll(List.of("--json", json.toString()));
        }
        if (python != null) {
            words.addAll(List.of("--python", python));
        }
        if (data != null) {
            words.addAll(List.of("--data", data.toString()));
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(words.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw Usage.error(spec, e.getMessage().lines().findFirst().orElse(e.getMessage()));
        }
        spec.commandLine().getOut().flush();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BenchSuite.run(options, out);
        out.flush();
        return ExitCodes.OK;
    }
}
