package dev.jgrad.activation;

/**
 * One elementwise activation {@code y = f(x)}: its math in float64 (the reference that gradient checks compare
 * with) and its fused float32 kernels over arrays (what training runs).
 *
 * <p>{@link #forward} may run in place ({@code x == y}, same offset). {@link #backward} turns dL/dy into dL/dx in
 * place; when {@link #backwardReadsInput()} is false it reads only the output y, so a fused layer can compute
 * the activation in place over its pre-activations and keep one buffer instead of two.
 *
 * <p>Implementations are immutable and thread-safe. Add one to the catalog with
 * {@link Activations#register}; nothing else needs to change for it to train, run fused and be saved.
 */
public interface ActivationFunction {

    /** The catalog name with its parameters, parseable by {@link Activations#parse}: {@code "leaky-relu:0.1"}. */
    String spec();

    /** A readable name for menus and plots, e.g. {@code "Leaky ReLU (alpha 0.1)"}. */
    String displayName();

    /** f(x) in float64. */
    double value(double x);

    /** f'(x) in float64 (a subgradient where f has a kink, the same one the kernels use). */
    double derivative(double x);

    /** {@code y[i] = f(x[i])} for {@code n} elements; in place is allowed. The default loops over {@link #value}. */
    default void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            y[yOff + i] = (float) value(x[xOff + i]);
        }
    }

    /**
     * {@code g[i] *= f'(x[i])} for {@code n} elements, where {@code y = f(x)}. When {@link #backwardReadsInput()}
     * is false, {@code x} may be null (only {@code y} is read). The default loops over {@link #derivative}.
     */
    default void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            g[gOff + i] *= (float) derivative(x[xOff + i]);
        }
    }

    /** Whether {@link #backward} needs the input x; false when the output y determines the derivative. */
    default boolean backwardReadsInput() {
        return true;
    }
}
