package dev.jgrad.optim;

/**
 * Updates a fixed list of parameters from their gradients. The training step is
 * {@code opt.zeroGrad(); loss.backward(); opt.step();}.
 */
public interface Optimizer {

    /** Zeroes every parameter's gradient (they accumulate across backward calls). */
    void zeroGrad();

    /** Applies one update to every parameter that has a gradient; parameters without one are left alone. */
    void step();

    /** The current learning rate. */
    double lr();

    /** Changes the learning rate (schedules call this); must be > 0. */
    void setLr(double lr);
}
