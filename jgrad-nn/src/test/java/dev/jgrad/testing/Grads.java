package dev.jgrad.testing;

import dev.jgrad.autograd.GradCheck;
import dev.jgrad.tensor.Tensor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Gradient-check assertions for the nn tests, on top of jgrad-core's {@link GradCheck}. */
public final class Grads {

    private Grads() {
    }

    /** Checks a scalar loss's gradients with respect to the named variables. */
    public static void assertScalarGradients(Supplier<Tensor> loss, Map<String, ? extends Tensor> variables) {
        Map<String, Tensor> vars = new LinkedHashMap<>(variables);
        GradCheck.Report report = GradCheck.checkScalar(loss, vars, GradCheck.Options.defaults());
        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    /** Checks a tensor function's gradients with respect to those inputs that require a gradient. */
    public static void assertGradients(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Report report = GradCheck.check(f, inputs);
        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    /** A leaf tensor of the given values and shape that requires a gradient. */
    public static Tensor variable(float[] values, int... shape) {
        return Tensor.of(values, shape).requiresGrad(true);
    }
}
