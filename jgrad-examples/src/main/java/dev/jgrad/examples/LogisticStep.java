package dev.jgrad.examples;

import dev.jgrad.tensor.Tensor;

import java.util.Locale;

/**
 * The notes' logistic-regression step, vectorized: x = (0.1, 0.7), y = 1, w = (0.8, 0.2), b = 0.1; compute
 * a = sigma(w.x + b), the gradients (dL/dz = a - y), take one step and evaluate again.
 */
public final class LogisticStep {

    /** Everything the slide lists, before and after the update. */
    public record Result(float a, float dz, float[] gradW, float gradB, float[] newW, float newB, float newZ, float newA,
                         float newLoss) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "a = %.5f  dL/dz = %.5f  grad w = (%.6f, %.6f)  grad b = %.5f%n"
                            + "after the step: w = (%.6f, %.6f)  b = %.6f  z = %.5f  a = %.5f  loss = %.5f",
                    a, dz, gradW[0], gradW[1], gradB, newW[0], newW[1], newB, newZ, newA, newLoss);
        }
    }

    private LogisticStep() {
    }

    public static Result run(float alpha) {
        Tensor x = Tensor.vector(0.1f, 0.7f);
        Tensor w = Tensor.vector(0.8f, 0.2f).requiresGrad(true);
        Tensor b = Tensor.scalar(0.1f).requiresGrad(true);
        Tensor z = w.mul(x).sum().add(b);
        Tensor a = z.sigmoid();
        Tensor loss = a.log().neg(); // y = 1: L = -log a
        loss.backward();
        Tensor newW = w.detach().sub(w.grad().mul(alpha));
        Tensor newB = b.detach().sub(b.grad().mul(alpha));
        Tensor newZ = newW.mul(x).sum().add(newB);
        Tensor newA = newZ.sigmoid();
        float dz = a.item() - 1f;
        return new Result(a.item(), dz, w.grad().toArray(), b.grad().item(), newW.toArray(), newB.item(), newZ.item(),
                newA.item(), newA.log().neg().item());
    }
}
