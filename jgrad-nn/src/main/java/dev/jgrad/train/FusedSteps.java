package dev.jgrad.train;

import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.fused.FusedLoss;
import dev.jgrad.nn.fused.FusedMlp;
import dev.jgrad.nn.loss.Loss;

import java.util.Optional;

/**
 * The trainer's fast path: when the model is a plain Linear+activation stack and the loss has a fused form,
 * each step gathers the batch into reused arrays and runs {@link FusedMlp#trainStep}, with no autograd graph
 * and no allocation. Same gradients as the autograd path (FusedMlpTest checks this).
 */
final class FusedSteps {

    private final FusedMlp mlp;
    private final FusedLoss loss;
    private final int inputWidth;
    private final int targetWidth;
    private float[] x;
    private float[] values;
    private int[] labels;
    private float[] output;
    private FusedLoss.Target target;

    private FusedSteps(FusedMlp mlp, FusedLoss loss, int inputWidth, int targetWidth) {
        this.mlp = mlp;
        this.loss = loss;
        this.inputWidth = inputWidth;
        this.targetWidth = targetWidth;
    }

    /** The fast path for this model, loss and data, or empty when the general autograd loop must run. */
    static Optional<FusedSteps> tryCreate(Module model, Loss loss, int inputWidth, int[] targetShape) {
        if (!(model instanceof Sequential seq)) {
            return Optional.empty();
        }
        Optional<FusedMlp> mlp = FusedMlp.compile(seq);
        Optional<FusedLoss> fl = FusedLoss.of(loss);
        if (mlp.isEmpty() || fl.isEmpty() || mlp.get().inputs() != inputWidth) {
            return Optional.empty();
        }
        int targetWidth = 1;
        for (int i = 1; i < targetShape.length; i++) {
            targetWidth *= targetShape[i];
        }
        boolean indices = fl.get().takesClassIndices();
        if (indices ? targetShape.length != 1 : targetWidth != mlp.get().outputs() || targetShape.length != 2) {
            return Optional.empty();
        }
        return Optional.of(new FusedSteps(mlp.get(), fl.get(), inputWidth, targetWidth));
    }

    /**
     * One training step on rows {@code order[from..to)}: returns the loss and adds the gradients into the
     * parameters' gradient buffers.
     */
    float step(float[] allX, float[] allY, int[] order, int from, int to) {
        int n = to - from;
        if (x == null || x.length < n * inputWidth) {
            x = new float[n * inputWidth];
            values = new float[n * targetWidth];
            labels = new int[n];
            target = loss.takesClassIndices() ? FusedLoss.Target.classes(labels) : FusedLoss.Target.values(values);
        }
        for (int i = 0; i < n; i++) {
            int row = order[from + i];
            System.arraycopy(allX, row * inputWidth, x, i * inputWidth, inputWidth);
            if (loss.takesClassIndices()) {
                labels[i] = (int) allY[row];
            } else {
                System.arraycopy(allY, row * targetWidth, values, i * targetWidth, targetWidth);
            }
        }
        float value = mlp.trainStep(x, n, loss, target);
        output = mlp.forwardOutputBuffer();
        return value;
    }

    /** The last step's network output, [n, outputs] row-major in the first n*outputs values. */
    float[] lastOutput() {
        return output;
    }

    int outputs() {
        return mlp.outputs();
    }
}
