package dev.jgrad.examples;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;

import java.util.Random;

/**
 * Why multilayer perceptrons: the perceptron rule learns AND but never converges on XOR, which is not linearly
 * separable; a 2-8-1 tanh network trained by gradient descent learns XOR in a few hundred steps.
 */
public final class XorMlp {

    static final Tensor INPUTS = Tensor.of(new float[]{0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    static final Tensor AND = Tensor.of(new float[]{0, 0, 0, 1}, 4);
    static final Tensor XOR = Tensor.of(new float[]{0, 1, 1, 0}, 4);

    private XorMlp() {
    }

    /** The perceptron rule on AND and on XOR. */
    public static Perceptron.FitResult[] perceptron() {
        return new Perceptron.FitResult[]{
                new Perceptron(2).fit(INPUTS, AND, 0.1f, 100),
                new Perceptron(2).fit(INPUTS, XOR, 0.1f, 100)};
    }

    /** Trains a 2-8-1 tanh MLP on XOR with Adam (seeded) and returns its four outputs. */
    public static float[] mlp(long seed, int steps) {
        Random rng = new Random(seed);
        Sequential model = new Sequential(new Linear(2, 8, rng), new Tanh(), new Linear(8, 1, rng));
        Adam opt = new Adam(model.parameters(), 0.05);
        Tensor y = XOR.reshape(4, 1);
        MSELoss mse = new MSELoss();
        for (int i = 0; i < steps; i++) {
            Tensor loss = mse.apply(model.forward(INPUTS), y);
            opt.zeroGrad();
            loss.backward();
            opt.step();
        }
        try (var s = Tensor.noGrad()) {
            return model.forward(INPUTS).toArray();
        }
    }

    public static void main(String[] args) {
        Perceptron.FitResult[] p = perceptron();
        System.out.println("perceptron on AND: " + p[0].message());
        System.out.println("perceptron on XOR: " + p[1].message());
        float[] out = mlp(42, 500);
        System.out.printf("2-8-1 tanh MLP on XOR after 500 Adam steps: %.3f %.3f %.3f %.3f (targets 0 1 1 0)%n",
                out[0], out[1], out[2], out[3]);
    }
}
