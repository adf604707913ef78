package dev.jgrad.examples;

import dev.jgrad.nn.loss.HuberLoss;
import dev.jgrad.nn.loss.L1Loss;
import dev.jgrad.nn.loss.Loss;
import dev.jgrad.nn.loss.MSELoss;
import dev.jgrad.nn.loss.Reduction;
import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleBinaryOperator;

/**
 * Deck 003's regression losses and their derivatives with respect to the prediction y^, as the notes print them
 * and as they are, next to jgrad's autograd value. The notes have the L2 derivative right but print the L1 and
 * the linear pieces of the Huber derivative with the wrong sign:
 * <pre>
 *   L1:    L = |y - y^|                dL/dy^ = sign(y^ - y)   (+1 when y^ > y; the notes: -1 when y < y^)
 *   L2:    L = (y - y^)^2              dL/dy^ = -2(y - y^)     (the notes agree)
 *   Huber: L = 1/2 (y - y^)^2          dL/dy^ = -(y - y^)      where |y - y^| <= delta (the notes agree)
 *          L = delta |y - y^| - delta^2/2   dL/dy^ = delta sign(y^ - y)  beyond (the notes: -delta when
 *                                          y - y^ < -delta, i.e. y^ above y, and +delta the other way: swapped)
 * </pre>
 * Check: with y = 0 and y^ = 3, L1 = |0 - 3| = 3 grows as y^ grows, so dL/dy^ must be +1, not -1. See
 * {@code docs/losses.md} for the derivation.
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.LossDerivatives}.
 */
public final class LossDerivatives {

    /** Huber's delta in this example (the notes leave it symbolic). */
    public static final double DELTA = 1.0;

    private LossDerivatives() {
    }

    /** One loss: its formula, the derivative as the notes print it and as it is, and the jgrad loss. */
    public record Entry(String name, String formula, String notesDerivative, String correctDerivative, Loss loss,
                        DoubleBinaryOperator notes, DoubleBinaryOperator correct) {
    }

    /** dL/dy^ at one (y, y^): the notes' formula, the correct one, and jgrad's autograd. */
    public record Point(Entry entry, double y, double yHat, double notes, double correct, float autograd) {
        public boolean notesAreRight() {
            return notes == correct;
        }
    }

    public static List<Entry> entries() {
        double d = DELTA;
        return List.of(
                new Entry("L1", "|y - y^|", "-1 if y < y^, else 1", "sign(y^ - y): +1 if y^ > y, -1 if y^ < y",
                        new L1Loss(Reduction.SUM),
                        (y, yh) -> y < yh ? -1 : 1,
                        (y, yh) -> Math.signum(yh - y)),
                new Entry("L2", "(y - y^)^2", "-2(y - y^)", "-2(y - y^) = 2(y^ - y)",
                        new MSELoss(Reduction.SUM),
                        (y, yh) -> -2 * (y - yh),
                        (y, yh) -> -2 * (y - yh)),
                new Entry("Huber (delta = 1)", "1/2 (y - y^)^2 if |y - y^| <= delta, else delta |y - y^| - delta^2/2",
                        "-delta if y - y^ < -delta; -(y - y^) inside; delta if y - y^ > delta",
                        "+delta if y - y^ < -delta; -(y - y^) inside; -delta if y - y^ > delta",
                        new HuberLoss(d, Reduction.SUM),
                        (y, yh) -> y - yh < -d ? -d : (y - yh > d ? d : -(y - yh)),
                        (y, yh) -> y - yh < -d ? d : (y - yh > d ? -d : -(y - yh))));
    }

    /** Each loss at y = 0 and y^ in {-3, -0.5, 0.5, 3}: both sides of the target, inside and beyond delta. */
    public static List<Point> points() {
        List<Point> out = new ArrayList<>();
        double y = 0;
        for (Entry e : entries()) {
            for (double yHat : new double[]{-3, -0.5, 0.5, 3}) {
                Tensor p = Tensor.vector((float) yHat).requiresGrad(true);
                e.loss().apply(p, Tensor.vector((float) y)).backward();
                out.add(new Point(e, y, yHat, e.notes().applyAsDouble(y, yHat), e.correct().applyAsDouble(y, yHat),
                        p.grad().item()));
            }
        }
        return out;
    }

    /** What {@link #main} prints: each loss, both derivatives, and the values at the sample points. */
    public static String report() {
        StringBuilder sb = new StringBuilder();
        List<Point> points = points();
        for (Entry e : entries()) {
            sb.append("== ").append(e.name()).append(": L = ").append(e.formula()).append('\n');
            sb.append("   the notes: dL/dy^ = ").append(e.notesDerivative()).append('\n');
            sb.append("   correct:   dL/dy^ = ").append(e.correctDerivative()).append('\n');
            sb.append(String.format(Locale.ROOT, "   %5s %6s %10s %10s %10s%n", "y", "y^", "notes", "correct", "jgrad"));
            for (Point p : points) {
                if (p.entry().name().equals(e.name())) {
                    sb.append(String.format(Locale.ROOT, "   %5.1f %6.1f %10.2f %10.2f %10.2f  %s", p.y(), p.yHat(),
                            p.notes(), p.correct(), p.autograd(), p.notesAreRight() ? "" : "<- the notes' sign is wrong")
                            .stripTrailing()).append('\n');
                }
            }
        }
        sb.append('\n');
        sb.append("Why: with y = 0 and y^ = 3, L1 = |0 - 3| = 3 and it grows when y^ grows, so dL/dy^ = +1;\n");
        sb.append("gradient descent then lowers y^ toward y. With the notes' -1 it would push y^ away from y.\n");
        sb.append("Huber's linear pieces are delta times L1's, so they inherit the same sign (see docs/losses.md).\n");
        return sb.toString();
    }

    public static void main(String[] args) {
        System.out.print(report());
    }
}
