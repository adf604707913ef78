package dev.jgrad.autograd;

import dev.jgrad.tensor.Tensor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Combinators;

import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every differentiable op, gradient-checked with centered differences on random shapes (broadcasting
 * included). Inputs for ops with kinks (relu, abs, max, clamp, step) are kept away from the kinks, so a
 * check fails only when a gradient is wrong.
 */
class OpGradientsTest {

    /**
     * Values on a grid, (j + 0.25) / 2 plus a little jitter: never within 0.07 of a kink at 0 or +-0.5 (relu,
     * abs, clamp) nor of the other grid, j / 2, that the second operand of maximum/minimum is drawn from; so
     * no finite-difference step of h = 0.01 crosses a kink and the checks cannot fail at random.
     */
    private static Tensor input(Random rng, int[] shape, String name) {
        return grid(rng, shape, 0.25f).requiresGrad(true).name(name);
    }

    private static Tensor grid(Random rng, int[] shape, float shift) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (rng.nextInt(8) - 4 + shift) * 0.5f + (rng.nextFloat() - 0.5f) * 0.05f;
        }
        return t;
    }

    /** Pairwise distinct values (0.3 apart), so max along any axis has a unique winner. */
    private static Tensor distinct(Random rng, int[] shape, String name) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        java.util.List<Integer> perm = new java.util.ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            perm.add(i);
        }
        java.util.Collections.shuffle(perm, rng);
        for (int i = 0; i < d.length; i++) {
            d[i] = (perm.get(i) - d.length / 2 + 0.25f) * 0.3f;
        }
        return t.requiresGrad(true).name(name);
    }

    private static Tensor positive(Random rng, int[] shape, String name) {
        Tensor t = Tensor.uniform(rng, 0.5f, 2f, shape);
        return t.requiresGrad(true).name(name);
    }

    private static void check(Function<Tensor[], Tensor> f, Tensor... inputs) {
        GradCheck.Report report = GradCheck.check(f, inputs);
        assertThat(report.passed()).as(report.toString()).isTrue();
    }

    @Provide
    Arbitrary<int[]> shapes() {
        Arbitrary<Integer> dim = Arbitraries.integers().between(1, 4);
        return Arbitraries.oneOf(
                dim.map(a -> new int[]{a}),
                Combinators.combine(dim, dim).as((a, b) -> new int[]{a, b}),
                Combinators.combine(dim, dim, dim).as((a, b, c) -> new int[]{a, b, c}));
    }

    /** A shape and a second shape that broadcasts against it (some dims set to 1 or dropped). */
    @Provide
    Arbitrary<Tuple.Tuple2<int[], int[]>> broadcastPairs() {
        return Combinators.combine(shapes(), Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 1))
                .as((s, mask, drop) -> {
                    int[] t = s.clone();
                    for (int i = 0; i < t.length; i++) {
                        if ((mask >> i & 1) == 1) {
                            t[i] = 1;
                        }
                    }
                    if (drop == 1 && t.length > 1) {
                        t = java.util.Arrays.copyOfRange(t, 1, t.length);
                    }
                    return Tuple.of(s, t);
                });
    }

    @Property(tries = 25)
    void unaryOps(@ForAll("shapes") int[] shape, @ForAll("unary") String op) {
        Random rng = new Random(shape.length * 31L + op.hashCode());
        Tensor x = op.equals("log") || op.equals("sqrt") || op.equals("pow1.5") ? positive(rng, shape, "x") : input(rng, shape, "x");
        check(in -> switch (op) {
            case "neg" -> in[0].neg();
            case "exp" -> in[0].exp();
            case "log" -> in[0].log();
            case "sqrt" -> in[0].sqrt();
            case "abs" -> in[0].abs();
            case "tanh" -> in[0].tanh();
            case "sigmoid" -> in[0].sigmoid();
            case "relu" -> in[0].relu();
            case "leakyRelu" -> in[0].leakyRelu(0.1f);
            case "gelu" -> in[0].gelu();
            case "pow2" -> in[0].pow(2f);
            case "pow1.5" -> in[0].pow(1.5f);
            case "addScalar" -> in[0].add(3f);
            case "mulScalar" -> in[0].mul(-2.5f);
            case "divScalar" -> in[0].div(4f);
            case "clamp" -> in[0].clamp(-0.5f, 0.5f);
            default -> throw new IllegalArgumentException(op);
        }, x);
    }

    @Provide
    Arbitrary<String> unary() {
        return Arbitraries.of("neg", "exp", "log", "sqrt", "abs", "tanh", "sigmoid", "relu", "leakyRelu", "gelu", "pow2",
                "pow1.5", "addScalar", "mulScalar", "divScalar", "clamp");
    }

    @Property(tries = 30)
    void binaryOpsWithBroadcasting(@ForAll("broadcastPairs") Tuple.Tuple2<int[], int[]> shapes,
                                   @ForAll("binary") String op) {
        Random rng = new Random(op.hashCode() + 17L * shapes.get1().length);
        boolean swap = rng.nextBoolean();
        Tensor a = input(rng, swap ? shapes.get2() : shapes.get1(), "a");
        Tensor b = op.equals("div") ? positive(rng, swap ? shapes.get1() : shapes.get2(), "b")
                : input(rng, swap ? shapes.get1() : shapes.get2(), "b");
        if (op.equals("maximum") || op.equals("minimum")) {
            b = grid(rng, swap ? shapes.get1() : shapes.get2(), 0f).requiresGrad(true).name("b");
        }
        check(in -> switch (op) {
            case "add" -> in[0].add(in[1]);
            case "sub" -> in[0].sub(in[1]);
            case "mul" -> in[0].mul(in[1]);
            case "div" -> in[0].div(in[1]);
            case "maximum" -> in[0].maximum(in[1]);
            case "minimum" -> in[0].minimum(in[1]);
            default -> throw new IllegalArgumentException(op);
        }, a, b);
    }

    @Provide
    Arbitrary<String> binary() {
        return Arbitraries.of("add", "sub", "mul", "div", "maximum", "minimum");
    }

    @Property(tries = 25)
    void reductionsAlongEveryAxis(@ForAll("shapes") int[] shape, @ForAll("reductions") String op) {
        Random rng = new Random(op.hashCode() + shape.length);
        Tensor x = op.equals("max") ? distinct(rng, shape, "x") : input(rng, shape, "x");
        int axis = rng.nextInt(shape.length);
        boolean keep = rng.nextBoolean();
        check(in -> switch (op) {
            case "sumAll" -> in[0].sum();
            case "meanAll" -> in[0].mean();
            case "sum" -> in[0].sum(axis, keep);
            case "mean" -> in[0].mean(axis, keep);
            case "max" -> in[0].max(axis, keep);
            case "softmax" -> in[0].softmax(axis);
            case "logSoftmax" -> in[0].logSoftmax(axis);
            default -> throw new IllegalArgumentException(op);
        }, x);
    }

    @Provide
    Arbitrary<String> reductions() {
        return Arbitraries.of("sumAll", "meanAll", "sum", "mean", "max", "softmax", "logSoftmax");
    }

    @Property(tries = 20)
    void matrixOps(@ForAll("dims") int m, @ForAll("dims") int k, @ForAll("dims") int n) {
        Random rng = new Random(m * 100 + k * 10 + n);
        Tensor a = input(rng, new int[]{m, k}, "a");
        Tensor b = input(rng, new int[]{k, n}, "b");
        check(in -> in[0].matmul(in[1]), a, b);
        Tensor at = input(rng, new int[]{k, m}, "aT");
        check(in -> in[0].transpose().matmul(in[1]), at, b);
        Tensor w = input(rng, new int[]{n, k}, "w");
        Tensor bias = input(rng, new int[]{n}, "bias");
        check(in -> Tensor.linear(in[0], in[1], in[2]), a, w, bias);
        Tensor a3 = input(rng, new int[]{2, m, k}, "a3");
        Tensor b3 = input(rng, new int[]{2, k, n}, "b3");
        check(in -> in[0].matmul(in[1]), a3, b3);
    }

    @Provide
    Arbitrary<Integer> dims() {
        return Arbitraries.integers().between(1, 6);
    }

    @Property(tries = 15)
    void shapeAndIndexOps(@ForAll("dims") int rows, @ForAll("dims") int cols) {
        Random rng = new Random(rows * 7 + cols);
        Tensor x = input(rng, new int[]{rows, cols}, "x");
        check(in -> in[0].reshape(cols, rows).mul(in[0].reshape(cols, rows)), x);
        check(in -> in[0].transpose().tanh(), x);
        check(in -> in[0].rows(rows / 2, rows).sigmoid(), x);
        int[] idx = new int[rows];
        for (int i = 0; i < rows; i++) {
            idx[i] = rng.nextInt(cols);
        }
        check(in -> in[0].pick(idx), x);
        Tensor y = input(rng, new int[]{rows, 2}, "y");
        check(in -> Tensor.concat(1, in[0], in[1]).exp(), x, y);
        check(in -> in[0].transpose().contiguous().mul(2f), x);
    }

    @Property(tries = 5)
    void stepHasZeroGradient(@ForAll("shapes") int[] shape) {
        Tensor x = input(new Random(1), shape, "x");
        x.step().sum().backward();
        assertThat(x.grad().toArray()).containsOnly(0f);
    }
}
