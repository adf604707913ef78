package dev.jgrad.cli.commands;

import dev.jgrad.autograd.Graph;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.examples.SeedGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code jgrad graph}: one of the notes' small computational graphs with every value and gradient, as text, DOT or SVG. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Draw one of the notes' computational graphs with its values and gradients.",
        footer = {"", "Examples:", "  jgrad graph --example add-mul",
                "  jgrad graph --example sigmoid-neuron --format svg --out neuron.svg",
                "  jgrad graph --example logistic-step --format dot | dot -Tpng > step.png"})
public final class GraphCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--example", required = true, paramLabel = "ID",
            description = "add-mul, sigmoid-neuron, logistic-step, relu-regression, square-of-affine, "
                    + "sigmoid-regression, xor-perceptrons.")
    String example;

    @Option(names = "--format", description = "text, dot or svg (default: ${DEFAULT-VALUE}).", defaultValue = "text")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path out;

    @Override
    public Integer call() throws IOException {
        SeedGraph seed = Usage.parse(spec, "--example", () -> SeedGraph.byId(example.trim().toLowerCase(Locale.ROOT)));
        Graph graph = Graph.of(seed.build());
        String text = switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "text", "txt" -> "# " + seed.id() + ": " + seed.title() + "\n" + graph.toText();
            case "dot" -> graph.toDot();
            case "svg" -> graph.toSvg();
            default -> throw Usage.error(spec, "--format must be text, dot or svg, got '"
                    + format + "'");
        };
        PrintWriter stdout = spec.commandLine().getOut();
        if (out == null) {
            stdout.print(text);
        } else {
            dev.jgrad.io.AtomicFiles.writeString(out, text);
            stdout.println("wrote " + out + " (" + seed.id() + ", " + graph.nodes().size() + " nodes)");
        }
        stdout.flush();
        return ExitCodes.OK;
    }
}
