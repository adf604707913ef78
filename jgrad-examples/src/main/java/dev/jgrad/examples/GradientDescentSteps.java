package dev.jgrad.examples;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Deck 003's gradient descent on f(x) = x^2: x := x - alpha f'(x), step by step, with the gradient from
 * autograd. With alpha = 0.3 every step multiplies x by 1 - 2 alpha = 0.4 and x converges to the minimum 0;
 * with alpha = 1.5 every step multiplies it by -2 and x oscillates with growing amplitude: it diverges. (Any
 * alpha in (0, 1) converges; alpha = 1 bounces between x0 and -x0 forever.) The notes draw the two paths
 * without numbers; the start x0 = 2 is this example's choice.
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.GradientDescentSteps [alpha ...]}.
 */
public final class GradientDescentSteps {

    /** The start used by {@link #main}. */
    public static final float X0 = 2f;

    private GradientDescentSteps() {
    }

    /** One step: where it started, f and f' there, and where it went. */
    public record Step(int k, float x, float f, float grad, float next) {
    }

    /** {@code steps} steps of gradient descent on x^2 from x0. */
    public static List<Step> run(float x0, float alpha, int steps) {
        List<Step> out = new ArrayList<>();
        float x = x0;
        for (int k = 0; k < steps; k++) {
            Tensor tx = Tensor.scalar(x).requiresGrad(true);
            Tensor f = tx.pow(2f);
            f.backward();
            float grad = tx.grad().item(); // f'(x) = 2x
            float next = x - alpha * grad;
            out.add(new Step(k, x, f.item(), grad, next));
            x = next;
        }
        return out;
    }

    /** The table printed by {@link #main}, one line per step, and the verdict. */
    public static String table(float x0, float alpha, int steps) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "f(x) = x^2, x := x - %s * f'(x), x0 = %s (each step multiplies x by 1 - 2*alpha = %.4g)%n",
                alpha, x0, 1 - 2 * alpha));
        sb.append(String.format(Locale.ROOT, "%4s %14s %14s %14s%n", "k", "x_k", "f(x_k)", "f'(x_k)"));
        List<Step> path = run(x0, alpha, steps);
        for (Step s : path) {
            sb.append(String.format(Locale.ROOT, "%4d %14.6g %14.6g %14.6g%n", s.k(), s.x(), s.f(), s.grad()));
        }
        float last = path.get(path.size() - 1).next();
        sb.append(String.format(Locale.ROOT, "%4d %14.6g  -> %s%n", steps, last,
                Math.abs(last) < Math.abs(x0) ? "converges to the minimum x = 0" : "diverges (|x| grows every step)"));
        return sb.toString();
    }

    public static void main(String[] args) {
        float[] alphas = args.length == 0 ? new float[]{0.3f, 1.5f} : new float[args.length];
        for (int i = 0; i < args.length; i++) {
            alphas[i] = Float.parseFloat(args[i]);
        }
        for (float alpha : alphas) {
            System.out.println(table(X0, alpha, 10));
        }
    }
}
