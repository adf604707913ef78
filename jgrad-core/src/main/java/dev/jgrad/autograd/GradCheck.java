package dev.jgrad.autograd;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Numeric gradient checking with centered differences, {@code (f(x+h) - f(x-h)) / 2h}, whose error is O(h^2)
 * where the one-sided difference's is O(h) (the seeds' reason to prefer it).
 *
 * <p>jgrad computes in float32, so the step cannot be tiny: the default h = 1e-2 balances truncation error
 * (~h^2) against float32 rounding of f (~1e-7 |f| / h). Losses of vector-valued functions are accumulated in
 * double. For worked examples, {@link #numericGradient64} gives a float64 reference from a plain double
 * formula, free of float32 rounding altogether.
 */
public final class GradCheck {

    private GradCheck() {
    }

    /** Step and tolerances. A check passes where relative OR absolute error is within bounds. */
    public record Options(double h, double relTolerance, double absTolerance, long seed) {
        public static Options defaults() {
            return new Options(1e-2, 1e-2, 1e-3, 42);
        }

        public Options withH(double newH) {
            return new Options(newH, relTolerance, absTolerance, seed);
        }

        public Options withTolerance(double rel, double abs) {
            return new Options(h, rel, abs, seed);
        }
    }

    /** The worst disagreement found for one variable. */
    public record Result(String variable, int[] shape, int worstIndex, double analytic, double numeric,
                         double absError, double relError, boolean passed) {
        @Override
        public String toString() {
            return String.format("%-12s %-14s worst at %5d: analytic % .6e numeric % .6e  abs %.2e rel %.2e  %s",
                    variable, java.util.Arrays.toString(shape), worstIndex, analytic, numeric, absError, relError,
                    passed ? "ok" : "FAIL");
        }
    }

    /** One result per variable. */
    public record Report(List<Result> results) {
        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }

        public double worstRelError() {
            return results.stream().mapToDouble(Result::relError).max().orElse(0);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Result r : results) {
                sb.append(r).append('\n');
            }
            return sb.append(passed() ? "gradient check passed" : "gradient check FAILED").toString();
        }
    }

    /**
     * Checks a function of tensors. The output is reduced to a scalar with fixed random weights (not a plain
     * sum, which would hide errors that cancel), and the inputs that require a gradient are checked.
     */
    public static Report check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        return check(f, Options.defaults(), inputs);
    }

    public static Report check(Function<Tensor[], Tensor> f, Options options, Tensor... inputs) {
        Tensor probe;
        try (var s = Tensor.noGrad()) {
            probe = f.apply(inputs);
        }
        Random rng = new Random(options.seed());
        float[] weights = new float[probe.numel()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (0.5 + rng.nextDouble());
        }
        Tensor w = Tensor.of(weights, probe.shape());
        Map<String, Tensor> vars = new LinkedHashMap<>();
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].requiresGrad()) {
                vars.put(inputs[i].name() != null ? inputs[i].name() : "input" + i, inputs[i]);
            }
        }
        DoubleSupplier loss = () -> {
            float[] y = f.apply(inputs).toArray();
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                s += (double) y[i] * weights[i];
            }
            return s;
        };
        return run(() -> f.apply(inputs).mul(w).sum(), loss, vars, options);
    }

    /** Checks a scalar loss against named variables (for example a module's parameters). */
    public static Report checkScalar(Supplier<Tensor> loss, Map<String, Tensor> variables, Options options) {
        return run(loss, () -> loss.get().item(), variables, options);
    }

    private static Report run(Supplier<Tensor> lossFn, DoubleSupplier value, Map<String, Tensor> vars,
                              Options o) {
        for (Tensor v : vars.values()) {
            v.clearGrad();
        }
        Tensor loss = lossFn.get();
        if (loss.numel() != 1) {
            throw new IllegalArgumentException("GradCheck: the loss must have one element, got shape "
                    + java.util.Arrays.toString(loss.shape()));
        }
        loss.backward();
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : vars.entrySet()) {
            Tensor v = e.getValue();
            float[] data = v.data();
            float[] analytic = v.grad() == null ? new float[data.length] : v.grad().toArray();
            int worst = -1;
            double worstRel = -1;
            double worstAbs = 0;
            double worstNum = 0;
            boolean passed = true;
            boolean worstOk = true;
            for (int i = 0; i < data.length; i++) {
                float saved = data[i];
                double plus;
                double minus;
                try (var s = Tensor.noGrad()) {
                    data[i] = (float) (saved + o.h());
                    plus = value.getAsDouble();
                    data[i] = (float) (saved - o.h());
                    minus = value.getAsDouble();
                } finally {
                    data[i] = saved;
                }
                double numeric = (plus - minus) / (2 * o.h());
                double abs = Math.abs(numeric - analytic[i]);
                double rel = abs / Math.max(Math.max(Math.abs(numeric), Math.abs(analytic[i])), 1e-8);
                boolean ok = rel <= o.relTolerance() || abs <= o.absTolerance();
                passed &= ok;
                // Report a failing element before any passing one, and the largest relative error among equals.
                if (worst < 0 || (!ok && worstOk) || (ok == worstOk && rel > worstRel)) {
                    worst = i;
                    worstOk = ok;
                    worstRel = rel;
                    worstAbs = abs;
                    worstNum = numeric;
                }
            }
            results.add(new Result(e.getKey(), v.shape(), Math.max(worst, 0), worst < 0 ? 0 : analytic[worst], worstNum,
                    worstAbs, Math.max(worstRel, 0), passed));
        }
        return new Report(results);
    }

    /** A float64 centered-difference gradient of a plain double function: the reference for worked examples. */
    public static double[] numericGradient64(ToDoubleFunction<double[]> f, double[] at, double h) {
        double[] g = new double[at.length];
        double[] x = at.clone();
        for (int i = 0; i < x.length; i++) {
            double saved = x[i];
            x[i] = saved + h;
            double plus = f.applyAsDouble(x);
            x[i] = saved - h;
            double minus = f.applyAsDouble(x);
            x[i] = saved;
            g[i] = (plus - minus) / (2 * h);
        }
        return g;
    }
}
