package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Regularization;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.optim.GradientClipping;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.tensor.Tensor;

import java.util.List;

/**
 * One training step, the one every training path runs (the {@link Trainer}, the playground's sessions, the
 * benchmarks, distributed training): {@code zeroGrad; forward; loss (+ penalty); backward; clip; step}, on the
 * public engine. Its speed comes from the layers themselves (a {@link Sequential} fuses each Linear with its
 * activation and reuses its buffers across steps), so a user's own loop of the same five lines is as fast.
 *
 * <p>Split in two for callers that look at the loss before updating ({@link #gradients}, then {@link #update}),
 * or that add up gradients of several shards before one update.
 */
public final class TrainingStep {

    private final Module model;
    private final Loss loss;
    private final Optimizer optimizer;
    private String penaltyKind = "none";
    private double penaltyRate;
    private List<Parameter> penalized = List.of();
    private double clipNorm;
    private Tensor lastOutput;

    public TrainingStep(Module model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) {
            throw new IllegalArgumentException("TrainingStep: model, loss and optimizer must not be null");
        }
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /**
     * Adds {@code rate * sum |w|} ({@code "l1"}) or {@code rate * sum w^2} ({@code "l2"}) over the weights (not the
     * biases) to the loss; {@code "none"} removes it. Returns this.
     */
    public TrainingStep penalty(String kind, double rate) {
        Regularization.of(kind, List.of(), rate); // validates the name and the rate
        this.penaltyKind = kind;
        this.penaltyRate = rate;
        this.penalized = "none".equalsIgnoreCase(kind) || rate == 0 ? List.of() : Regularization.weightsOf(model);
        return this;
    }

    /** Rescales all gradients together so their global L2 norm is at most {@code maxNorm}; 0 turns it off. Returns this. */
    public TrainingStep clipGradNorm(double maxNorm) {
        if (!(maxNorm >= 0) || !Double.isFinite(maxNorm)) {
            throw new IllegalArgumentException("TrainingStep: clip norm must be >= 0 and finite, got " + maxNorm);
        }
        this.clipNorm = maxNorm;
        return this;
    }

    /** A whole step on one batch: returns the loss; the weights are updated only when the loss is finite. */
    public double run(Tensor x, Tensor y) {
        optimizer.zeroGrad();
        double value = gradients(x, y);
        if (Double.isFinite(value)) {
            update();
        }
        return value;
    }

    /**
     * Forward, loss and (when the loss is finite) backward on one batch: ADDS the gradients into the parameters'
     * gradient buffers (call {@code optimizer.zeroGrad()} first) and returns the loss with its penalty.
     */
    public double gradients(Tensor x, Tensor y) {
        Tensor out = model.forward(x);
        Tensor l = loss.apply(out, y);
        if (!penalized.isEmpty()) {
            l = l.add(Regularization.of(penaltyKind, penalized, penaltyRate));
        }
        lastOutput = out;
        double value = l.item();
        if (Double.isFinite(value)) {
            l.backward();
        }
        return value;
    }

    /** Clips the gradients (if asked) and lets the optimizer step. */
    public void update() {
        if (clipNorm > 0) {
            GradientClipping.clipNorm(model.parameters(), clipNorm);
        }
        optimizer.step();
    }

    /** The model's output on the last batch (the caller's own tensor). */
    public Tensor lastOutput() {
        return lastOutput;
    }

    public Module model() {
        return model;
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** One line on how the step runs: the layers' fusion plan and the loss, logged once by the Trainer. */
    public String describe() {
        String layers = model instanceof Sequential s ? s.fusionPlan() : model.typeName() + " (its own forward)";
        return "training step: " + layers + "; loss " + loss + " (" + loss.execution() + ")"
                + (penalized.isEmpty() ? "" : "; " + penaltyKind + " penalty " + penaltyRate)
                + (clipNorm > 0 ? "; gradients clipped to norm " + clipNorm : "");
    }
}
