package dev.jgrad.examples;

import dev.jgrad.autograd.Graph;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.tensor.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Deck 004's exercise "show that a DAG of perceptrons can compute XOR", solved with step units
 * {@code [w . x + b >= 0]}: h1 = OR(x1, x2) = [x1 + x2 - 0.5 >= 0], h2 = NAND(x1, x2) = [-x1 - x2 + 1.5 >= 0],
 * y = AND(h1, h2) = [h1 + h2 - 1.5 >= 0]. A single perceptron cannot (XOR is not linearly separable, see
 * {@link XorMlp}); two layers can. The weights are set by hand, as in the notes' solution.
 *
 * <p>The graph ({@link #graph}, also {@code jgrad graph --example xor-perceptrons}) shows every unit's value and
 * a gradient of 0 everywhere: the step is flat where it is differentiable, so gradient descent cannot train it
 * (the notes' reason for the sigmoid).
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.XorPerceptrons [xor.svg]}.
 */
public final class XorPerceptrons {

    /** {w1, w2, b} of the three units. */
    static final float[] OR = {1f, 1f, -0.5f};
    static final float[] NAND = {-1f, -1f, 1.5f};
    static final float[] AND = {1f, 1f, -1.5f};

    private XorPerceptrons() {
    }

    /** A {@link Perceptron} with the given weights and bias. */
    static Perceptron unit(float[] wb) {
        Perceptron p = new Perceptron(2);
        p.weight().set(wb[0], 0, 0);
        p.weight().set(wb[1], 0, 1);
        p.bias().set(wb[2], 0);
        return p;
    }

    /** The network's outputs for the four inputs (0,0), (0,1), (1,0), (1,1), through jgrad's Perceptron modules. */
    public static float[] truthTable() {
        Tensor x = XorMlp.INPUTS;
        try (var s = Tensor.noGrad()) {
            float[] h1 = unit(OR).forward(x).toArray();
            float[] h2 = unit(NAND).forward(x).toArray();
            float[] h = new float[8];
            for (int i = 0; i < 4; i++) {
                h[2 * i] = h1[i];
                h[2 * i + 1] = h2[i];
            }
            return unit(AND).forward(Tensor.of(h, 4, 2)).toArray();
        }
    }

    /** The network at one input as a graph of named scalar ops, not yet back-propagated. */
    public static Tensor graph(float x1, float x2) {
        Tensor in1 = Tensor.scalar(x1).name("x1");
        Tensor in2 = Tensor.scalar(x2).name("x2");
        Tensor h1 = unitGraph("or", OR, in1, in2);
        Tensor h2 = unitGraph("nand", NAND, in1, in2);
        return unitGraph("and", AND, h1, h2).name("y");
    }

    private static Tensor unitGraph(String name, float[] wb, Tensor a, Tensor b) {
        Tensor w1 = param(name + ".w1", wb[0]);
        Tensor w2 = param(name + ".w2", wb[1]);
        Tensor bias = param(name + ".b", wb[2]);
        Tensor z = a.mul(w1).name(name + ": w1*" + a.name()).add(b.mul(w2).name(name + ": w2*" + b.name()))
                .name(name + ": sum").add(bias).name(name + ": z");
        return z.step().name(name);
    }

    private static Tensor param(String name, float v) {
        return Tensor.scalar(v).requiresGrad(true).name(name);
    }

    public static void main(String[] args) throws IOException {
        float[] y = truthTable();
        System.out.println("x1 x2 | OR NAND | XOR = AND(OR, NAND)");
        float[] in = XorMlp.INPUTS.toArray();
        for (int i = 0; i < 4; i++) {
            int a = (int) in[2 * i], b = (int) in[2 * i + 1];
            int or = a + b - 0.5 >= 0 ? 1 : 0, nand = -a - b + 1.5 >= 0 ? 1 : 0;
            System.out.printf(Locale.ROOT, " %d  %d |  %d   %d   | %d%n", a, b, or, nand, (int) y[i]);
        }
        Tensor out = graph(1, 0);
        out.backward();
        Graph g = Graph.of(out);
        if (args.length > 0) {
            Path file = Path.of(args[0]);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, file.toString().endsWith(".dot") ? g.toDot() : g.toSvg());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("wrote the graph at x = (1, 0) to " + file);
        } else {
            System.out.println();
            System.out.println("the graph at x = (1, 0) (every gradient is 0: the step is flat):");
            System.out.print(g.toText());
        }
    }
}
