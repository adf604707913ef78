package dev.jgrad.cli.model;

import dev.jgrad.nn.loss.Loss;
import dev.jgrad.tensor.Tensor;

import java.util.Arrays;

/**
 * The notes' quadratic cost {@code C = 1/(2n) sum_i ||a_i - y_i||^2}: squared error summed over a sample's outputs,
 * halved, averaged over the n samples. With one-hot targets and sigmoid outputs this is the classic recipe that
 * trains with a learning rate of 3.0; {@code MSELoss} (a mean over every element) would make that step 10 times
 * smaller for 10 classes, so the CLI's {@code --loss mse} is this one.
 */
public final class HalfSquaredError implements Loss {

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape()) || prediction.dim() == 0) {
            throw new IllegalArgumentException("mse: prediction shape " + Arrays.toString(prediction.shape())
                    + " does not match target shape " + Arrays.toString(target.shape()));
        }
        Tensor d = prediction.sub(target);
        return d.mul(d).sum().mul(0.5f / prediction.size(0));
    }

    @Override
    public String toString() {
        return "HalfSquaredError(sum over outputs / 2, mean over samples)";
    }
}
