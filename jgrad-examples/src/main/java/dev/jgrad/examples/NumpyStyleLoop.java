package dev.jgrad.examples;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.idx.IdxDataset;
import dev.jgrad.data.idx.IdxSplit;
import dev.jgrad.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Deck 001's plain numpy loop, line for line, on jgrad tensors: samples as columns (X is 784 x n, T is 10 x n),
 * weights {@code 2*rand(in, out).T - 1}, no biases, sigmoid everywhere, gradients written out by hand (no
 * autograd), full-batch gradient descent with {@code lr = 1e-5}, and the notes' print line.
 * <pre>
 * for i in range(5000):
 *     L1 = sigmoid(W1.dot(X)); L2 = sigmoid(W2.dot(L1)); L3 = sigmoid(W3.dot(L2))
 *     dW3 = (L3 - T) * L3*(1 - L3)
 *     dW2 = W3.T.dot(dW3) * (L2*(1-L2))
 *     dW1 = W2.T.dot(dW2) * (L1*(1-L1))
 *     W3 -= lr*np.dot(dW3, L2.T); W2 -= lr*np.dot(dW2, L1.T); W1 -= lr*np.dot(dW1, X.T)
 *     print("[%04d] MSE Loss: %0.3f" % (i, np.sum((L3 - T)**2)/len(T.T)))
 * </pre>
 * As in the notes, {@code dW3} leaves out the factor 2 of the squared error ("absorbed in the learning rate"),
 * the printed loss is the summed squared error per sample (not per output), and it is the loss before the
 * update of that iteration. The {@code dW} names hold the error signals (dL/d(pre-activation)); the weight
 * gradients are the products in the update lines. jgrad's {@code Trainer} does the same job with autograd,
 * mini-batches and a fused kernel; this example is for reading next to the slide.
 *
 * <p>Run on Fashion-MNIST (Debian's {@code dataset-fashion-mnist}) or on MNIST files you supply:
 * {@code java -Xmx4g -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.NumpyStyleLoop [--data DIR]
 * [--samples N] [--iterations N] [--seed S]}; the defaults are the notes' 60000 samples and 5000 iterations
 * (about one to two seconds per iteration on two cores).
 */
public final class NumpyStyleLoop {

    /** The notes' learning rate. */
    public static final float LR = 1e-5f;
    /** The notes' architecture, 784 -> 256 -> 128 -> 10. */
    public static final int[] SIZES = {784, 256, 128, 10};

    private NumpyStyleLoop() {
    }

    /** The three weight matrices W1 [256, 784], W2 [128, 256], W3 [10, 128] (for sizes {784, 256, 128, 10}). */
    public static Tensor[] initialWeights(Random rng, int... sizes) {
        Tensor[] w = new Tensor[sizes.length - 1];
        for (int l = 0; l + 1 < sizes.length; l++) {
            // W = 2*rand(in, out).T - 1: uniform in [-1, 1), drawn as [in, out] and transposed, as in the notes.
            w[l] = Tensor.rand(rng, sizes[l], sizes[l + 1]).transpose().mul(2f).sub(1f).contiguous();
        }
        return w;
    }

    /** The notes' print line for iteration i ({@code "[%04d] MSE Loss: %0.3f"}; Python's %0.3f is Java's %.3f). */
    public static String line(int i, float loss) {
        return String.format(Locale.ROOT, "[%04d] MSE Loss: %.3f", i, loss);
    }

    /**
     * Runs the loop, updating the weights in {@code w} in place; returns the printed loss of every iteration
     * and hands each print line to {@code print}.
     *
     * @param x samples as columns, [784, n]
     * @param t one-hot targets as columns, [10, n]
     */
    public static List<Float> run(Tensor x, Tensor t, Tensor[] w, float lr, int iterations, Consumer<String> print) {
        if (w.length != 3) {
            throw new IllegalArgumentException("NumpyStyleLoop: the notes' loop has three weight matrices, got " + w.length);
        }
        List<Float> losses = new ArrayList<>(iterations);
        int n = t.size(1);
        try (var s = Tensor.noGrad()) {
            Tensor w1 = w[0], w2 = w[1], w3 = w[2];
            for (int i = 0; i < iterations; i++) {
                // Forward pass
                Tensor l1 = w1.matmul(x).sigmoid();
                Tensor l2 = w2.matmul(l1).sigmoid();
                Tensor l3 = w3.matmul(l2).sigmoid();
                // Backward pass
                Tensor dW3 = l3.sub(t).mul(l3.mul(l3.neg().add(1f)));
                Tensor dW2 = w3.transpose().matmul(dW3).mul(l2.mul(l2.neg().add(1f)));
                Tensor dW1 = w2.transpose().matmul(dW2).mul(l1.mul(l1.neg().add(1f)));
                // Update
                w3 = w3.sub(dW3.matmul(l2.transpose()).mul(lr));
                w2 = w2.sub(dW2.matmul(l1.transpose()).mul(lr));
                w1 = w1.sub(dW1.matmul(x.transpose()).mul(lr));
                Tensor d = l3.sub(t);
                float loss = d.mul(d).sum().item() / n;
                losses.add(loss);
                print.accept(line(i, loss));
            }
            w[0] = w1;
            w[1] = w2;
            w[2] = w3;
        }
        return losses;
    }

    /** A dataset's first {@code n} rows as the notes' column layout: {X [features, n], T [classes, n]}. */
    public static Tensor[] columns(Dataset d, int n) {
        Tensor rows = Tensor.of(java.util.Arrays.copyOf(d.features(), n * d.numFeatures()), n, d.numFeatures());
        float[] oneHot = java.util.Arrays.copyOf(d.oneHotLabels(), n * d.numClasses());
        Tensor targets = Tensor.of(oneHot, n, d.numClasses());
        return new Tensor[]{rows.transpose().contiguous(), targets.transpose().contiguous()};
    }

    public static void main(String[] args) throws IOException {
        Path dir = null;
        int samples = 60000;
        int iterations = 5000;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> dir = Path.of(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("NumpyStyleLoop: unknown argument '" + args[i]
                            + "'; use --data DIR --samples N --iterations N --seed S");
                    System.exit(2);
                }
            }
        }
        Dataset train;
        try {
            // MNIST files given with --data (read the same way as Fashion-MNIST), else the installed Fashion-MNIST.
            train = dir != null ? IdxDataset.MNIST.load(dir, IdxSplit.TRAIN) : IdxDataset.FASHION_MNIST.load(IdxSplit.TRAIN);
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("NumpyStyleLoop: " + e.getFile() + ": " + e.getReason());
            System.exit(2);
            return;
        }
        int n = Math.min(samples, train.size());
        Tensor[] xt = columns(train, n);
        System.out.printf(Locale.ROOT, "X %s, T %s, lr = %s, %d iterations (seed %d)%n",
                java.util.Arrays.toString(xt[0].shape()), java.util.Arrays.toString(xt[1].shape()), LR, iterations, seed);
        run(xt[0], xt[1], initialWeights(new Random(seed), SIZES), LR, iterations, System.out::println);
    }
}
