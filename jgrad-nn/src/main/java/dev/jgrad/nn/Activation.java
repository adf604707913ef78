package dev.jgrad.nn;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.tensor.Tensor;

import java.util.Map;

/**
 * An elementwise activation layer for any entry of the catalog ({@link Activations}):
 * {@code new Activation("leaky-relu:0.1")}, {@code new Activation(Activations.SILU)}. Same shape in and out.
 *
 * <p>{@link ReLU}, {@link Tanh}, {@link Sigmoid}, {@link LeakyReLU}, {@link GELU}, {@link Step} and
 * {@link Identity} are this layer with their function fixed, under the names PyTorch users know. Inside a
 * {@link Sequential}, an activation right after a {@link Linear} runs fused with it.
 */
public class Activation extends Module {

    private final ActivationFunction function;

    public Activation(ActivationFunction function) {
        this.function = Checks.notNull("Activation", "function", function);
    }

    /** The catalog entry {@code spec} names, e.g. {@code "elu:0.5"}. */
    public Activation(String spec) {
        this(Activations.parse(spec));
    }

    /**
     * The layer for {@code f}: the named class where there is one ({@link ActivationLayers}: {@link ReLU} for
     * {@code relu}, {@link LeakyReLU} for {@code leaky-relu:a}, ...), so saved files and exporters see the familiar
     * type; this generic layer otherwise.
     */
    public static Activation of(ActivationFunction f) {
        String spec = f.spec();
        ActivationLayers.Named named = ActivationLayers.forEntry(spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec);
        return named == null ? new Activation(f) : named.make().apply(f);
    }

    /** {@link #of(ActivationFunction)} for a catalog spec such as {@code "leaky-relu:0.1"}. */
    public static Activation of(String spec) {
        return of(Activations.parse(spec));
    }

    public final ActivationFunction function() {
        return function;
    }

    @Override
    public Tensor forward(Tensor x) {
        return x.apply(function);
    }

    /** {@code {"function": "leaky-relu:0.1"}}: the spec rebuilds the layer. */
    @Override
    public Map<String, Object> config() {
        return Map.of("function", function.spec());
    }
}
