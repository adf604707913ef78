package dev.jgrad.cli.commands;

import dev.jgrad.autograd.GradCheck;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.model.Activation;
import dev.jgrad.cli.model.InitKind;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.Output;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code jgrad gradcheck}: compares backprop's gradients of an architecture's loss with centered differences on
 * random data, parameter by parameter, and fails (exit 1) when any disagree beyond the tolerance.
 */
@Command(name = "gradcheck", mixinStandardHelpOptions = true,
        description = "Check backprop's gradients of an MLP against numerical ones on random data.",
        footer = {"", "Example:", "  jgrad gradcheck --layers 4,8,3 --activation tanh --loss cross-entropy",
                "Exit code 1 when the check fails."})
public final class GradcheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--layers", description = "Layer widths (default: ${DEFAULT-VALUE}).", defaultValue = "4,8,3")
    String layers;

    @Option(names = "--activation", description = "Hidden activation (default: ${DEFAULT-VALUE}).", defaultValue = "tanh")
    String activation;

    @Option(names = "--loss", description = "cross-entropy, mse, bce, l1, huber (default: ${DEFAULT-VALUE}).",
            defaultValue = "cross-entropy")
    String loss;

    @Option(names = "--seed", description = "Seed for weights and data (default: ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--batch", description = "Random samples in the batch (default: ${DEFAULT-VALUE}).", defaultValue = "4")
    int batch;

    @Option(names = "--h", description = "Finite-difference step (default: 1e-2, 1e-3 for relu-like activations).")
    Double h;

    @Option(names = "--tolerance", description = "Relative error allowed (default: ${DEFAULT-VALUE}).",
            defaultValue = "1e-2")
    double tolerance;

    @Option(names = "--abs-tolerance", description = "Absolute error allowed, for gradients near zero "
            + "(default: ${DEFAULT-VALUE}).", defaultValue = "1e-3")
    double absTolerance;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int[] widths;
        Activation act;
        LossKind lossKind;
        try {
            widths = Mlp.parseLayers(layers);
            act = Activation.parse(activation);
            lossKind = LossKind.parse(loss);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        int outputs = widths[widths.length - 1];
        boolean classification = lossKind == LossKind.CROSS_ENTROPY || lossKind == LossKind.BCE;
        if (lossKind == LossKind.CROSS_ENTROPY && outputs < 2) {
            throw new ParameterException(spec.commandLine(), "--loss cross-entropy needs at least 2 outputs, got "
                    + Mlp.describe(widths));
        }
        if (batch <= 0 || !(tolerance > 0) || !(absTolerance > 0)) {
            throw new ParameterException(spec.commandLine(), "--batch, --tolerance and --abs-tolerance must be positive");
        }
        Random rng = new Random(seed);
        Output output = classification || lossKind == LossKind.MSE ? lossKind.classifierOutput() : Output.VALUE;
        Sequential net = Mlp.build(widths, act, output, InitKind.TORCH, rng);
        Tensor x = Tensor.randn(rng, batch, widths[0]);
        Tensor y = targets(lossKind, rng, batch, outputs);
        Loss lossFn = lossKind.create();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            params.put(e.getKey(), e.getValue());
        }
        // ReLU-like kinks: a step of 1e-2 too often crosses a kink and breaks the difference quotient.
        boolean kinked = act == Activation.RELU || act == Activation.LEAKY_RELU;
        double step = h != null ? h : kinked ? 1e-3 : 1e-2;
        GradCheck.Options options = GradCheck.Options.defaults().withH(step).withTolerance(tolerance, absTolerance);
        out.println(String.format(Locale.ROOT, "gradient check: MLP %s %s, loss %s, %d random samples, seed %d, h %g",
                Mlp.describe(widths), act.id(), lossKind.id(), batch, seed, step));
        GradCheck.Report report = GradCheck.checkScalar(() -> lossFn.apply(net.forward(x), y), params, options);
        out.println(String.format(Locale.ROOT, "%-10s %-12s %14s %14s %10s", "parameter", "shape", "worst rel err",
                "abs err", "result"));
        for (GradCheck.Result r : report.results()) {
            out.println(String.format(Locale.ROOT, "%-10s %-12s %14.3e %14.3e %10s", r.variable(),
                    java.util.Arrays.toString(r.shape()).replace(" ", ""), r.relError(), r.absError(),
                    r.passed() ? "ok" : "FAIL"));
        }
        out.println(String.format(Locale.ROOT, "worst relative error %.3e: %s", report.worstRelError(),
                report.passed() ? "passed" : "FAILED"));
        out.flush();
        if (!report.passed()) {
            spec.commandLine().getErr().println("error: gradient check failed (relative tolerance " + tolerance
                    + ", absolute " + absTolerance + ")");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static Tensor targets(LossKind loss, Random rng, int n, int k) {
        return switch (loss) {
            case CROSS_ENTROPY -> {
                float[] idx = new float[n];
                for (int i = 0; i < n; i++) {
                    idx[i] = rng.nextInt(k);
                }
                yield Tensor.of(idx, n);
            }
            case BCE -> {
                int[] labels = new int[n];
                for (int i = 0; i < n; i++) {
                    labels[i] = rng.nextInt(k);
                }
                yield Tensor.oneHot(labels, k);
            }
            case MSE -> Tensor.rand(rng, n, k);
            default -> Tensor.randn(rng, n, k);
        };
    }
}
