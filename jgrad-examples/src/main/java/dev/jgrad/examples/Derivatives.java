package dev.jgrad.examples;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The notes' "quick review of derivatives": f(x, y) = xy at (5, -2), with its partial derivatives
 * df/dx = y = -2 and df/dy = x = 5, and the table of derivatives, each row checked: jgrad's autograd derivative
 * at a few points against the closed form the notes print. Rows: the four of deck 001's sigmoid example
 * (e^x, 1/x, ax, c + x), the activations of deck 003 (sigmoid, tanh, ReLU, LeakyReLU with the notes'
 * alpha = 0.1) and deck 000's layers (squared error, log for the logistic loss).
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.Derivatives}.
 */
public final class Derivatives {

    /** The notes' LeakyReLU slope (deck 003); jgrad's CLI and playground default is 0.01. */
    public static final float LEAKY_ALPHA = 0.1f;

    private Derivatives() {
    }

    /** f = xy at (x, y) with both partials, from autograd. */
    public record Product(float f, float dfdx, float dfdy) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "f(x, y) = x*y at x = 5, y = -2: f = %s, df/dx = y = %s, df/dy = x = %s",
                    fmt(f), fmt(dfdx), fmt(dfdy));
        }
    }

    public static Product product(float x, float y) {
        Tensor tx = Tensor.scalar(x).requiresGrad(true).name("x");
        Tensor ty = Tensor.scalar(y).requiresGrad(true).name("y");
        Tensor f = tx.mul(ty).name("f");
        f.backward();
        return new Product(f.item(), tx.grad().item(), ty.grad().item());
    }

    /**
     * One row of the table: the function as jgrad ops, its derivative in closed form as the notes print it, and
     * the points where they are compared (kept off kinks, and positive where the function needs it).
     */
    public record Row(String function, String derivative, UnaryOperator<Tensor> f, DoubleUnaryOperator closedForm,
                      float[] points) {
    }

    /** The result of one row at one point. */
    public record Check(Row row, float x, float autograd, double closedForm) {
        /** |autograd - closed form| within float32 rounding of the values involved. */
        public boolean agrees() {
            return Math.abs(autograd - closedForm) <= 1e-6 * Math.max(1, Math.abs(closedForm));
        }
    }

    /** The table's rows. */
    public static List<Row> table() {
        double a = 3, c = 7, yTarget = -12;
        float alpha = LEAKY_ALPHA;
        float[] anywhere = {-2f, -0.5f, 0.3f, 1.5f};
        float[] positive = {0.25f, 1f, 2f, 5f};
        return List.of(
                new Row("e^x", "e^x", Tensor::exp, Math::exp, anywhere),
                new Row("1/x", "-1/x^2", x -> x.pow(-1f), x -> -1 / (x * x), new float[]{-2f, 0.5f, 1f, 4f}),
                new Row("a*x (a = 3)", "a", x -> x.mul((float) a), x -> a, anywhere),
                new Row("c + x (c = 7)", "1", x -> x.add((float) c), x -> 1, anywhere),
                new Row("sigmoid(x)", "sigmoid(x)(1 - sigmoid(x))", Tensor::sigmoid, x -> sigmoid(x) * (1 - sigmoid(x)), anywhere),
                new Row("tanh(x)", "1 - tanh^2(x)", Tensor::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), anywhere),
                new Row("ReLU(x) = max(0, x)", "1 if x > 0 else 0", Tensor::relu, x -> x > 0 ? 1 : 0, anywhere),
                new Row("LeakyReLU(x) = max(0.1x, x)", "1 if x > 0 else 0.1", x -> x.leakyRelu(alpha),
                        x -> x > 0 ? 1 : alpha, anywhere),
                new Row("(x - y)^2 (y = -12)", "2(x - y)", x -> x.sub((float) yTarget).pow(2f), x -> 2 * (x - yTarget),
                        anywhere),
                new Row("log(x)", "1/x", Tensor::log, x -> 1 / x, positive));
    }

    /** Every row at every one of its points. */
    public static List<Check> checkTable() {
        List<Check> out = new ArrayList<>();
        for (Row row : table()) {
            for (float p : row.points()) {
                Tensor x = Tensor.scalar(p).requiresGrad(true);
                row.f().apply(x).backward();
                out.add(new Check(row, p, x.grad().item(), row.closedForm().applyAsDouble(p)));
            }
        }
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static String fmt(float v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    public static void main(String[] args) {
        System.out.println(product(5, -2));
        System.out.println();
        System.out.printf(Locale.ROOT, "%-28s %-28s %6s %14s %14s  %s%n", "f(x)", "df/dx (closed form)", "x",
                "autograd", "closed form", "");
        for (Check c : checkTable()) {
            System.out.printf(Locale.ROOT, "%-28s %-28s %6.2f %14.7f %14.7f  %s%n", c.row().function(),
                    c.row().derivative(), c.x(), c.autograd(), c.closedForm(), c.agrees() ? "ok" : "MISMATCH");
        }
    }
}
