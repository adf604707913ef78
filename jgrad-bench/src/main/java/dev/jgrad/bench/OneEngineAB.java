package dev.jgrad.bench;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.nn.loss.HuberLoss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.DataLoader;
import dev.jgrad.train.Trainer;
import dev.jgrad.train.TrainingStep;

import java.util.Arrays;
import java.util.Random;

/**
 * The one-engine targets measured interleaved in one JVM (rounds alternate between the contenders, medians), so
 * a busy machine slows all of them alike: the README's autograd loop against {@code Trainer.fit}, GELU/SiLU/Tanh
 * hidden units and the Huber loss against ReLU + cross-entropy, and {@code noGrad} inference. 784-256-128-10,
 * Adam, batch 128, random data.
 *
 * <p>Usage: {@code java --add-modules jdk.incubator.vector -Djgrad.threads=1 -cp jgrad-cli/target/jgrad.jar
 * dev.jgrad.bench.OneEngineAB}
 */
public final class OneEngineAB {

    private OneEngineAB() {
    }

    public static void main(String[] args) {
        Random rng = new Random(1);
        int n = 10000;
        int b = 128;
        float[] xa = Tensor.rand(rng, n, 784).toArray();
        float[] ya = new float[n];
        float[] oneHot = new float[n * 10];
        for (int i = 0; i < n; i++) {
            ya[i] = rng.nextInt(10);
            oneHot[i * 10 + (int) ya[i]] = 1;
        }
        Tensor x = Tensor.of(xa, n, 784);
        Tensor y = Tensor.of(ya, n);
        loops(x, y, n, b, rng);
        activations(x, y, Tensor.of(oneHot, n, 10), b);
    }

    /** Trainer.fit against the README loop over a DataLoader's batches, and noGrad inference of 10,000 rows. */
    private static void loops(Tensor x, Tensor y, int n, int b, Random rng) {
        Sequential m1 = mlp(2, "relu");
        Sequential m2 = mlp(2, "relu");
        Sequential m3 = mlp(2, "relu");
        Trainer t = Trainer.builder(m1, new CrossEntropyLoss(), new Adam(m1.parameters(), 1e-3)).epochs(1).batchSize(b)
                .shuffle(3).build();
        Adam opt = new Adam(m2.parameters(), 1e-3);
        Loss loss = new CrossEntropyLoss();
        DataLoader loader = new DataLoader(x, y, b).shuffle(rng);
        m3.eval();
        Tensor big = Tensor.rand(new Random(5), 10000, 784);
        double[] trainer = new double[9];
        double[] loop = new double[9];
        double[] infer = new double[9];
        for (int r = -3; r < 9; r++) {
            long t0 = System.nanoTime();
            t.fit(x, y);
            long t1 = System.nanoTime();
            for (DataLoader.Batch batch : loader) {
                opt.zeroGrad();
                Tensor l = loss.apply(m2.forward(batch.x()), batch.y());
                l.item();
                l.backward();
                opt.step();
            }
            long t2 = System.nanoTime();
            try (var s = Tensor.noGrad()) {
                m3.forward(big);
            }
            long t3 = System.nanoTime();
            if (r >= 0) {
                trainer[r] = n / ((t1 - t0) / 1e9);
                loop[r] = n / ((t2 - t1) / 1e9);
                infer[r] = 10000 / ((t3 - t2) / 1e9);
            }
        }
        System.out.printf("Trainer b%d %.0f samples/s, README loop %.0f (%.2fx), noGrad inference b10000 %.0f samples/s%n",
                b, median(trainer), median(loop), median(loop) / median(trainer), median(infer));
    }

    /** One TrainingStep per contender, 50 steps per round, rounds interleaved: time per step, relative to ReLU + CE. */
    private static void activations(Tensor x, Tensor y, Tensor oneHot, int b) {
        String[] names = {"relu+ce", "gelu+ce", "silu+ce", "tanh+ce", "relu+huber"};
        String[] acts = {"relu", "gelu", "silu", "tanh", "relu"};
        Tensor xb = x.rows(0, b).contiguous();
        Tensor yb = y.rows(0, b).contiguous();
        Tensor hb = oneHot.rows(0, b).contiguous();
        TrainingStep[] steps = new TrainingStep[names.length];
        for (int i = 0; i < names.length; i++) {
            Sequential m = mlp(1, acts[i]);
            steps[i] = new TrainingStep(m, i == 4 ? new HuberLoss(1.0) : new CrossEntropyLoss(), new Adam(m.parameters(), 1e-3));
        }
        double[][] us = new double[names.length][15];
        for (int r = -5; r < 15; r++) {
            for (int i = 0; i < names.length; i++) {
                long t0 = System.nanoTime();
                for (int k = 0; k < 50; k++) {
                    steps[i].run(xb, i == 4 ? hb : yb);
                }
                if (r >= 0) {
                    us[i][r] = (System.nanoTime() - t0) / 50e3;
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            System.out.printf("%-11s %8.1f us/step, speed vs relu+ce %.2f%n", names[i], median(us[i]), median(us[0]) / median(us[i]));
        }
    }

    private static Sequential mlp(long seed, String act) {
        Random rng = new Random(seed);
        return new Sequential(new Linear(784, 256, rng), Activation.of(act), new Linear(256, 128, rng), Activation.of(act),
                new Linear(128, 10, rng));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
