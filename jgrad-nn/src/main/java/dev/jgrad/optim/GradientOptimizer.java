package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of the gradient optimizers: the parameter list, the learning rate, per-parameter state arrays
 * allocated once, and a step loop that hands each parameter's {@code float[]} values and gradient to
 * {@link #update}. The state arrays are registered by name ({@link #newState(String)}), so {@link #state()} and
 * {@link #loadState} save and restore every optimizer's state in this one place.
 */
public abstract class GradientOptimizer implements Optimizer {

    protected final List<Tensor> params;
    private final String name;
    private double lr;
    private long steps;
    private final Map<String, float[][]> buffers = new LinkedHashMap<>();

    protected GradientOptimizer(String name, List<? extends Tensor> params, double lr) {
        this.name = name;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one parameter, got " + (params == null ? "null" : "none"));
        }
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null || !p.requiresGrad()) {
                throw new IllegalArgumentException(name + ": parameter " + i + " is null or does not require a gradient");
            }
        }
        this.params = List.copyOf(params);
        this.lr = Hyper.positive(name, "lr", lr);
    }

    /**
     * One zero-filled state array per parameter, e.g. momentum buffers, registered under {@code name} for
     * {@link #state()} and {@link #loadState}.
     */
    protected final float[][] newState(String name) {
        if (buffers.containsKey(name)) {
            throw new IllegalStateException(this.name + ": state buffer '" + name + "' is already registered");
        }
        float[][] s = new float[params.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[params.get(i).numel()];
        }
        buffers.put(name, s);
        return s;
    }

    /** The optimizer's type name, e.g. {@code "Adam"}. */
    public String name() {
        return name;
    }

    /**
     * The hyperparameters by name, for a model card: {@code lr} and the optimizer's own ({@code beta1}, ...).
     * Subclasses add theirs to the map from {@code super.hyperparameters()}.
     */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("lr", lr);
        return h;
    }

    /** A float32 hyperparameter as the decimal it was given as (0.9, not 0.8999999761581421), for a model card. */
    protected static double decimal(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    /** A copy of everything the next step depends on besides the weights and gradients. */
    public OptimizerState state() {
        return new OptimizerState(name, steps, lr, buffers);
    }

    /**
     * Restores a state taken with {@link #state()} from an optimizer of the same type over parameters of the same
     * sizes; the next {@link #step()} then updates exactly as the saved optimizer's next step would have.
     *
     * @throws IllegalArgumentException naming what differs (type, buffers, sizes)
     */
    public void loadState(OptimizerState state) {
        if (!name.equals(state.type())) {
            throw new IllegalArgumentException(name + ": cannot load the state of a " + state.type() + " optimizer");
        }
        if (!buffers.keySet().equals(state.buffers().keySet())) {
            throw new IllegalArgumentException(name + ": the saved state has buffers " + state.buffers().keySet()
                    + " but this optimizer keeps " + buffers.keySet() + " (different settings, e.g. momentum?)");
        }
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] mine = e.getValue();
            float[][] saved = state.buffers().get(e.getKey());
            int[] want = Arrays.stream(mine).mapToInt(a -> a.length).toArray();
            int[] got = Arrays.stream(saved).mapToInt(a -> a.length).toArray();
            if (!Arrays.equals(want, got)) {
                throw new IllegalArgumentException(name + ": saved buffer '" + e.getKey() + "' has sizes "
                        + Arrays.toString(got) + " but the parameters have " + Arrays.toString(want));
            }
        }
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] saved = state.buffers().get(e.getKey());
            for (int i = 0; i < saved.length; i++) {
                System.arraycopy(saved[i], 0, e.getValue()[i], 0, saved[i].length);
            }
        }
        steps = state.steps();
        setLr(state.lr());
    }

    @Override
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    @Override
    public void step() {
        steps++;
        beforeStep(steps);
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor g = p.grad();
            if (g != null) {
                update(i, p.data(), gradData(g));
            }
        }
    }

    // Gradients are freshly allocated, packed arrays; the copy is only a fallback for an exotic view.
    private static float[] gradData(Tensor g) {
        try {
            return g.data();
        } catch (IllegalStateException view) {
            return g.toArray();
        }
    }

    /** Called once per step before the parameter loop, with the 1-based step count (Adam's bias correction). */
    protected void beforeStep(long step) {
    }

    /** Updates parameter {@code index} in place: {@code w} its values, {@code g} its gradient (same length). */
    protected abstract void update(int index, float[] w, float[] g);

    /** The number of {@link #step()} calls so far. */
    public long steps() {
        return steps;
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public void setLr(double lr) {
        this.lr = Hyper.positive(name, "lr", lr);
    }

    @Override
    public String toString() {
        return name + "(lr=" + lr + ")";
    }
}
