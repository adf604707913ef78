package dev.jgrad.cli;

import dev.jgrad.cli.commands.BenchCommand;
import dev.jgrad.cli.commands.DatasetsCommand;
import dev.jgrad.cli.commands.EvalCommand;
import dev.jgrad.cli.commands.ExportCommand;
import dev.jgrad.cli.commands.GradcheckCommand;
import dev.jgrad.cli.commands.GraphCommand;
import dev.jgrad.cli.commands.ImportCommand;
import dev.jgrad.cli.commands.PlaygroundCommand;
import dev.jgrad.cli.commands.PredictCommand;
import dev.jgrad.cli.commands.TrainCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code jgrad}: the top-level command; the work is done by its subcommands. */
@Command(name = "jgrad", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Learn, build and train neural networks on the JVM.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, ExportCommand.class,
                ImportCommand.class, GradcheckCommand.class, GraphCommand.class, DatasetsCommand.class,
                PlaygroundCommand.class, BenchCommand.class},
        footer = {"", "Examples:",
                "  jgrad train                      a small MLP on a built-in 2D set, in seconds",
                "  jgrad train --data fashion-mnist --out fashion.jgrad   784-256-128-10, 10 epochs",
                "  jgrad eval --model fashion.jgrad",
                "  jgrad predict --model fashion.jgrad --input docs/examples/shirt.png",
                "  jgrad export --model fashion.jgrad --to fashion.onnx       (or --to fashion.safetensors)",
                "  jgrad import --from weights.safetensors --layers 784,256,128,10 --activation relu --out M.jgrad",
                "  jgrad graph --example add-mul --format svg --out add-mul.svg",
                "Exit codes: 0 success, 1 failure, 2 usage or input error."})
public final class JgradCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    /** A subcommand is required: the usage goes to stderr and the exit code says it was a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("error: missing command");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
