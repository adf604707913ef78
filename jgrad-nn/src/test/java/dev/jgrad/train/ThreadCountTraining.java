package dev.jgrad.train;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.WorkerPool;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;

import java.util.Random;

/**
 * The child JVM of {@link ThreadCountReproducibilityTest}: trains 784-256-128-10 with Adam from a fixed seed at
 * several batch sizes (each a few steps, so every product, elementwise op and optimizer range is cut differently
 * on 1 and 2 threads) and prints the thread count, the kernels and one line per batch size with a digest of the
 * exact bits of every weight.
 */
public final class ThreadCountTraining {

    private ThreadCountTraining() {
    }

    public static void main(String[] args) {
        System.out.println("threads " + WorkerPool.threads() + " kernels " + Backend.kernels().name());
        for (int batch : new int[] {1, 32, 300, 32}) { // 32 twice: the same bits again in one JVM
            Random rng = new Random(17);
            Sequential model = new Sequential(new Linear(784, 256, rng), new ReLU(), new Linear(256, 128, rng),
                    new ReLU(), new Linear(128, 10, rng));
            TrainingStep step = new TrainingStep(model, new CrossEntropyLoss(), new Adam(model.parameters(), 1e-3));
            double lastLoss = 0;
            for (int s = 0; s < 3; s++) {
                float[] x = new float[batch * 784];
                float[] y = new float[batch];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextFloat();
                }
                for (int i = 0; i < y.length; i++) {
                    y[i] = rng.nextInt(10);
                }
                lastLoss = step.run(Tensor.of(x, batch, 784), Tensor.of(y, batch));
            }
            long digest = 1125899906842597L;
            for (Parameter p : model.parameters()) {
                for (float w : p.data()) {
                    digest = 31 * digest + Float.floatToRawIntBits(w);
                }
            }
            System.out.println("batch " + batch + " loss " + lastLoss + " weights " + Long.toHexString(digest));
        }
    }
}
