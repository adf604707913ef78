package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rosenblatt's perceptron: one step unit {@code y = [w . x + b >= 0]} trained by the perceptron learning rule
 * rather than by gradients (the step has none):
 * <pre>
 *   for each sample (x, t):  y = [w . x + b >= 0];  w += lr * (t - y) * x;  b += lr * (t - y)
 * </pre>
 * The rule converges (an epoch without mistakes) exactly when the classes are linearly separable, so it learns
 * AND and OR but never XOR; {@link #fit} then reports {@code converged=false} instead of looping forever.
 *
 * <p>Weights start at zero, as in the classic rule, so training is deterministic.
 * As a module, {@link #forward} maps {@code [n, d]} to {@code [n, 1]} predictions in {0, 1}.
 */
public final class Perceptron extends Module {

    /**
     * The outcome of {@link #fit}: whether an epoch passed with no mistakes, how many epochs ran, the number of
     * misclassified samples in each epoch, and a sentence for people.
     */
    public record FitResult(boolean converged, int epochs, List<Integer> errorsPerEpoch, String message) {
    }

    private final int inputs;
    private final Parameter weight;
    private final Parameter bias;

    public Perceptron(int inputs) {
        this.inputs = Checks.positive("Perceptron", "inputs", inputs);
        this.weight = registerParameter("weight", Parameter.zeros(1, inputs));
        this.bias = registerParameter("bias", Parameter.zeros(1));
    }

    /** w, shape {@code [1, inputs]}. */
    public Parameter weight() {
        return weight;
    }

    /** b, shape {@code [1]}. */
    public Parameter bias() {
        return bias;
    }

    @Override
    public Tensor forward(Tensor x) {
        return Tensor.linear(x, weight, bias).step();
    }

    /** The 0/1 prediction for one sample. */
    public int predict(float[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("Perceptron(inputs=" + inputs + "): sample has " + x.length + " features");
        }
        float[] w = weight.data();
        float z = bias.data()[0];
        for (int j = 0; j < inputs; j++) {
            z += w[j] * x[j];
        }
        return z >= 0f ? 1 : 0;
    }

    /**
     * Runs the perceptron rule over the samples in order, for at most {@code maxEpochs} epochs, stopping after
     * the first epoch without mistakes.
     *
     * @param x       features {@code [n, inputs]}
     * @param targets labels {@code [n]} with values 0 or 1
     * @param lr      the step size, > 0 (with zero initial weights any positive value gives the same decisions)
     */
    public FitResult fit(Tensor x, Tensor targets, double learningRate, int maxEpochs) {
        if (x.dim() != 2 || x.size(1) != inputs || targets.dim() != 1 || targets.size(0) != x.size(0)) {
            throw new IllegalArgumentException("Perceptron.fit: expected x [n, " + inputs + "] and targets [n], got x "
                    + Arrays.toString(x.shape()) + " and targets " + Arrays.toString(targets.shape()));
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("Perceptron.fit: lr must be > 0, got " + learningRate);
        }
        float lr = (float) learningRate;
        Checks.positive("Perceptron.fit", "maxEpochs", maxEpochs);
        int n = x.size(0);
        float[] xs = x.toArray();
        float[] ts = targets.toArray();
        for (int i = 0; i < n; i++) {
            if (ts[i] != 0f && ts[i] != 1f) {
                throw new IllegalArgumentException("Perceptron.fit: targets must be 0 or 1, got " + ts[i] + " at index " + i);
            }
        }
        float[] w = weight.data();
        float[] b = bias.data();
        float[] sample = new float[inputs];
        List<Integer> errors = new ArrayList<>();
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            int mistakes = 0;
            for (int i = 0; i < n; i++) {
                System.arraycopy(xs, i * inputs, sample, 0, inputs);
                float delta = ts[i] - predict(sample);
                if (delta != 0f) {
                    mistakes++;
                    for (int j = 0; j < inputs; j++) {
                        w[j] += lr * delta * sample[j];
                    }
                    b[0] += lr * delta;
                }
            }
            errors.add(mistakes);
            if (mistakes == 0) {
                return new FitResult(true, epoch, List.copyOf(errors),
                        "converged after " + epoch + (epoch == 1 ? " epoch" : " epochs") + ": every sample is classified correctly");
            }
        }
        int last = errors.get(errors.size() - 1);
        return new FitResult(false, maxEpochs, List.copyOf(errors),
                "no convergence after " + maxEpochs + " epochs (" + last + " of " + n
                        + " samples still misclassified in the last epoch): the data is probably not linearly separable,"
                        + " which a single perceptron cannot learn (e.g. XOR); use a multi-layer network");
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("inputs", inputs);
    }
}
