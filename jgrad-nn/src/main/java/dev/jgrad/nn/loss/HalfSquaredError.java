package dev.jgrad.nn.loss;

import dev.jgrad.tensor.Tensor;

/**
 * The notes' quadratic cost {@code C = 1/(2n) sum_i ||a_i - y_i||^2}: squared error summed over a sample's outputs,
 * halved, averaged over the n samples (TensorFlow Playground's loss too). With one-hot targets and sigmoid outputs
 * this is the classic recipe that trains with a learning rate of 3.0; {@link MSELoss} (a mean over every element)
 * would make that step k times smaller for k outputs. One fused op, like the other pointwise losses.
 */
public final class HalfSquaredError implements Loss {

    @Override
    public Tensor apply(Tensor prediction, Tensor target) {
        if (prediction.dim() == 0) {
            throw new IllegalArgumentException("HalfSquaredError: prediction must have a sample axis, got a scalar");
        }
        // (p - t)^2 / (2n) summed, d/dp = (p - t) / n
        return PointwiseLoss.apply("HalfSquaredError", prediction, target, 0.5f / prediction.size(0), new PointwiseLoss.Element() {
            public double value(float p, float t) {
                double d = (double) p - t;
                return d * d;
            }

            public float dp(float p, float t) {
                return 2f * (p - t);
            }
        });
    }

    @Override
    public String toString() {
        return "HalfSquaredError(sum over outputs / 2, mean over samples)";
    }

    @Override
    public String execution() {
        return "one fused op";
    }
}
