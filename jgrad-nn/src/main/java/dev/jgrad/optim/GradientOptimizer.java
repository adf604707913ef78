package dev.jgrad.optim;

import dev.jgrad.tensor.Tensor;

import java.util.List;

/**
 * The common part of the gradient optimizers: the parameter list, the learning rate, per-parameter state arrays
 * allocated once, and a step loop that hands each parameter's {@code float[]} values and gradient to
 * {@link #update}.
 */
public abstract class GradientOptimizer implements Optimizer {

    protected final List<Tensor> params;
    private final String name;
    private double lr;
    private long steps;
    /** Every state array handed out by {@link #newState()}, in order: what a checkpoint must carry. */
    private final List<float[]> state = new java.util.ArrayList<>();

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

    /** One zero-filled state array per parameter, e.g. momentum buffers. */
    protected final float[][] newState() {
        float[][] s = new float[params.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[params.get(i).numel()];
            state.add(s[i]);
        }
        return s;
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

    /**
     * The optimizer's live state arrays (momentum, moment estimates, ...) in a fixed order; with {@link #steps()}
     * they are everything it carries from one step to the next, so a copy of them is a checkpoint of the optimizer.
     */
    public List<float[]> stateArrays() {
        return java.util.Collections.unmodifiableList(state);
    }

    /** Restores the step count of a checkpoint (Adam's bias correction depends on it); see {@link #stateArrays()}. */
    public void restoreSteps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException(name + ": steps must be >= 0, got " + steps);
        }
        this.steps = steps;
    }

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
