package dev.jgrad.examples;

import dev.jgrad.tensor.Tensor;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The lecture notes' small computational graphs, built on jgrad's tensors with the notes' numbers, already
 * back-propagated so every node carries its forward value and its gradient.
 */
public enum SeedGraph {

    /** f(x, y, z) = (x + y) z at x = -2, y = 5, z = -4. */
    ADD_MUL("add-mul", "f(x,y,z) = (x+y)z at x=-2, y=5, z=-4", () -> {
        Tensor x = var("x", -2), y = var("y", 5), z = var("z", -4);
        return x.add(y).name("q").mul(z).name("f");
    }),

    /** The sigmoid neuron 1/(1+exp(-(w0 x0 + w1 x1 + w2))) with the slide's values, gate by gate. */
    SIGMOID_NEURON("sigmoid-neuron", "sigmoid neuron 1/(1+exp(-(w0*x0 + w1*x1 + w2))), w0=2 x0=-1 w1=-3 x1=-2 w2=-3", () -> {
        Tensor w0 = var("w0", 2), x0 = var("x0", -1), w1 = var("w1", -3), x1 = var("x1", -2), w2 = var("w2", -3);
        Tensor dot = w0.mul(x0).name("w0*x0").add(w1.mul(x1).name("w1*x1")).name("sum").add(w2).name("z");
        return dot.neg().name("-z").exp().name("exp").add(1f).name("1+exp").pow(-1f).name("1/x");
    }),

    /** One logistic-regression example: x = (0.1, 0.7), y = 1, w = (0.8, 0.2), b = 0.1, cross-entropy loss. */
    LOGISTIC_STEP("logistic-step", "logistic regression x=(0.1,0.7), y=1, w=(0.8,0.2), b=0.1, loss -log(a)", () -> {
        Tensor x1 = constant("x1", 0.1f), x2 = constant("x2", 0.7f);
        Tensor w1 = var("w1", 0.8f), w2 = var("w2", 0.2f), b = var("b", 0.1f);
        Tensor z = w1.mul(x1).name("w1*x1").add(w2.mul(x2).name("w2*x2")).name("sum").add(b).name("z");
        Tensor a = z.sigmoid().name("a");
        return a.log().name("log a").neg().name("L");
    }),

    /** Linear(w1=5, b1=0) -> ReLU -> Linear(w2=-1, b2=1) -> squared error at x = 3, y = -12. */
    RELU_REGRESSION("relu-regression", "ReLU regression: Linear(5,0) -> ReLU -> Linear(-1,1), x=3, y=-12, squared error", () -> {
        Tensor x = var("x", 3), w1 = var("w1", 5), b1 = var("b1", 0), w2 = var("w2", -1), b2 = var("b2", 1);
        Tensor z1 = w1.mul(x).name("w1*x").add(b1).name("z1");
        Tensor h = z1.relu().name("h");
        Tensor z2 = w2.mul(h).name("w2*h").add(b2).name("z2");
        return z2.sub(constant("y", -12)).name("z2-y").pow(2f).name("L");
    }),

    /** h(x) = (2(x + 1))^2 at x = 2. */
    SQUARE_OF_AFFINE("square-of-affine", "h(x) = (2(x+1))^2 at x=2", () -> {
        Tensor x = var("x", 2);
        return x.add(1f).name("x+1").mul(2f).name("g").pow(2f).name("h");
    }),

    /** Deck 000's F(x) = w2 sigma(w1 x + b1) + b2 with the squared loss, at the deck's w1=5 w2=-1 b1=0 b2=1 and x=0.2, y=1. */
    SIGMOID_REGRESSION("sigmoid-regression", "sigmoid regression w2*sigma(w1*x+b1)+b2, w1=5 b1=0 w2=-1 b2=1, x=0.2, y=1, squared error",
            () -> SigmoidRegression.build(5, 0, -1, 1, 0.2, 1)),

    /**
     * Deck 004's DAG of step perceptrons computing XOR at x = (1, 0): OR and NAND units feeding an AND unit. Every
     * gradient is 0: the step is flat wherever it has a derivative, which is why it is trained through a smooth
     * stand-in (sigmoid) or by the perceptron rule.
     */
    XOR_PERCEPTRONS("xor-perceptrons", "XOR from step perceptrons: AND(OR(x1,x2), NAND(x1,x2)) at x1=1, x2=0",
            () -> XorPerceptrons.graph(1, 0));

    private final String id;
    private final String title;
    private final Supplier<Tensor> builder;

    SeedGraph(String id, String title, Supplier<Tensor> builder) {
        this.id = id;
        this.title = title;
        this.builder = builder;
    }

    /** The name used on the command line, e.g. {@code add-mul}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Builds the graph and runs backward from its output; returns the output. */
    public Tensor build() {
        Tensor out = builder.get();
        out.backward();
        return out;
    }

    /** The example with this command-line id, or an error listing the ids there are. */
    public static SeedGraph byId(String id) {
        for (SeedGraph g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown example '" + id + "'; choose one of "
                + Arrays.stream(values()).map(SeedGraph::id).toList());
    }

    private static Tensor var(String name, float v) {
        return Tensor.scalar(v).requiresGrad(true).name(name);
    }

    private static Tensor constant(String name, float v) {
        return Tensor.scalar(v).name(name);
    }
}
