package dev.jgrad.cli.commands;

import dev.jgrad.autograd.GradCheck;
import dev.jgrad.cli.CommonOptions;
import dev.jgrad.cli.ExitCodes;
import dev.jgrad.cli.Usage;
import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.cli.model.Output;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        int[] widths = Usage.parse(spec, null, () -> Mlp.parseLayers(layers));
        ActivationFunction act = Usage.parse(spec, null, () -> Activations.parse(activation));
        LossKind lossKind = Usage.parse(spec, null, () -> LossKind.parse(loss));
        int outputs = widths[widths.length - 1];
        boolean classification = lossKind == LossKind.CROSS_ENTROPY || lossKind == LossKind.BCE;
        if (lossKind == LossKind.CROSS_ENTROPY && outputs < 2) {
            throw Usage.error(spec, "--loss cross-entropy needs at least 2 outputs, got "
                    + Mlp.describe(widths));
        }
        if (batch <= 0 || !(tolerance > 0) || !(absTolerance > 0)) {
            throw Usage.error(spec, "--batch, --tolerance and --abs-tolerance must be positive");
        }
        Random rng = new Random(seed);
        Output output = classification || lossKind == LossKind.MSE ? lossKind.classifierOutput() : Output.VALUE;
        Sequential net = Mlp.build(widths, act, output, Initializers.torch(), rng);
        Tensor x = Tensor.randn(rng, batch, widths[0]);
        Tensor y = targets(lossKind, rng, batch, outputs);
        Loss lossFn = lossKind.create();
        Map<String, Tensor> params = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParameters().entrySet()) {
            params.put(e.getKey(), e.getValue());
        }
        // ReLU-like kinks: a difference quotient that straddles a kink disagrees with the (correct) subgradient.
        // Such a parameter is checked again with a 4x smaller step, which crosses far fewer kinks; a real backprop
        // error disagrees at every step.
        boolean kinked = act.spec().matches("(relu|leaky-relu|hardtanh|elu|step)(:.*)?");
        double step = h != null ? h : kinked ? 1e-3 : 1e-2;
        double[] steps = kinked && h == null ? new double[]{step, step / 4} : new double[]{step};
        out.println(String.format(Locale.ROOT, "gradient check: MLP %s %s, loss %s, %d random samples, seed %d, h %s",
                Mlp.describe(widths), act.spec(), lossKind.id(), batch, seed,
                steps.length == 1 ? fmt(step) : fmt(steps[0]) + " (then " + fmt(steps[1]) + " where a kink was crossed)"));
        List<GradCheck.Result> results = null;
        List<Double> used = new ArrayList<>();
        for (double st : steps) {
            GradCheck.Options options = GradCheck.Options.defaults().withH(st).withTolerance(tolerance, absTolerance);
            List<GradCheck.Result> r = GradCheck.checkScalar(() -> lossFn.apply(net.forward(x), y), params, options)
                    .results();
            if (results == null) {
                results = new ArrayList<>(r);
                r.forEach(unused -> used.add(st));
                continue;
            }
            for (int i = 0; i < r.size(); i++) {
                if (!results.get(i).passed() && r.get(i).passed()) {
                    results.set(i, r.get(i));
                    used.set(i, st);
                }
            }
        }
        GradCheck.Report report = new GradCheck.Report(results);
        out.println(String.format(Locale.ROOT, "%-10s %-12s %14s %14s %10s %8s", "parameter", "shape", "worst rel err",
                "abs err", "h", "result"));
        for (int i = 0; i < results.size(); i++) {
            GradCheck.Result r = results.get(i);
            out.println(String.format(Locale.ROOT, "%-10s %-12s %14.3e %14.3e %10s %8s", r.variable(),
                    java.util.Arrays.toString(r.shape()).replace(" ", ""), r.relError(), r.absError(), fmt(used.get(i)),
                    r.passed() ? "ok" : "FAIL"));
        }
        if (results.stream().anyMatch(r -> r.passed() && r.relError() > tolerance)) {
            out.println("(ok rows with a large relative error are tiny gradients, within the absolute bound)");
        }
        out.println(report.passed()
                ? "passed: every gradient element is within relative error " + fmt(tolerance) + " or absolute error "
                        + fmt(absTolerance) + " of its difference quotient"
                : "FAILED: some gradient elements differ by more than relative error " + fmt(tolerance)
                        + " and absolute error " + fmt(absTolerance) + " (the FAIL rows)");
        out.flush();
        if (!report.passed()) {
            spec.commandLine().getErr().println("error: gradient check failed (relative tolerance " + tolerance
                    + ", absolute " + absTolerance + ")");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("\\.?0+(e|$)", "$1");
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
