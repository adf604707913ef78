package dev.jgrad.examples;

import dev.jgrad.autograd.Graph;
import dev.jgrad.tensor.Tensor;

import java.util.Locale;

/**
 * Deck 000's "simple regression example": F(x) = w2 sigma(w1 x + b1) + b2 with the squared loss
 * l = (z - y)^2, and the four partial derivatives the notes work out by hand with the chain rule
 * (u = w1 x + b1, v = sigma(u), z = w2 v + b2):
 * <pre>
 *   dl/dw2 = 2(z - y) v              dl/db2 = 2(z - y)
 *   dl/dw1 = 2(z - y) w2 sigma(u)(1 - sigma(u)) x
 *   dl/db1 = 2(z - y) w2 sigma(u)(1 - sigma(u))
 * </pre>
 * Each one evaluated from that formula (in double) and by jgrad's autograd (float32), side by side. The notes
 * give the formulas, not numbers; the example uses the deck's initialization from the modular ReLU version
 * (w1 = 5, w2 = -1, b1 = 0, b2 = 1, x = 3, y = -12), where sigma(15) is saturated and dl/dw1, dl/db1 all but
 * vanish, and a point where the sigmoid is not saturated (x = 0.2, y = 1: u = 1).
 *
 * <p>Run: {@code java -cp jgrad-cli/target/jgrad.jar dev.jgrad.examples.SigmoidRegression}.
 */
public final class SigmoidRegression {

    private SigmoidRegression() {
    }

    /** The forward values and the four partials, by the notes' formulas (double) and by autograd (float). */
    public record Result(double u, double v, double z, double loss,
                         double[] byHand, float[] autograd, Graph graph) {
        /** Names of the partials, in the order of {@link #byHand} and {@link #autograd}. */
        public static final String[] NAMES = {"dl/dw2", "dl/db2", "dl/dw1", "dl/db1"};

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "u = %.6g  v = sigma(u) = %.8f  z = F(x) = %.8g  l = (z - y)^2 = %.8g%n", u, v, z, loss));
            for (int i = 0; i < NAMES.length; i++) {
                sb.append(String.format(Locale.ROOT, "%-7s by hand %14.8g   autograd %14.8g%n", NAMES[i], byHand[i],
                        autograd[i]));
            }
            return sb.toString().stripTrailing();
        }
    }

    public static Result run(double w1, double b1, double w2, double b2, double x, double y) {
        // By hand, the notes' formulas.
        double u = w1 * x + b1;
        double v = 1 / (1 + Math.exp(-u));
        double z = w2 * v + b2;
        double loss = (z - y) * (z - y);
        double dz = 2 * (z - y);
        double dv = dz * w2;
        double du = dv * v * (1 - v);
        double[] byHand = {dz * v, dz, du * x, du};

        // By autograd, the same network as a graph of jgrad ops.
        Tensor l = build(w1, b1, w2, b2, x, y);
        l.backward();
        Graph graph = Graph.of(l);
        java.util.Map<String, Float> grads = new java.util.HashMap<>();
        for (Graph.Node n : graph.nodes()) {
            if (n.grad() != null) {
                grads.put(n.label(), n.grad()[0]);
            }
        }
        float[] autograd = {grads.get("w2"), grads.get("b2"), grads.get("w1"), grads.get("b1")};
        return new Result(u, v, z, loss, byHand, autograd, graph);
    }

    /** The loss l as a graph of named jgrad ops (u, v, z, l as in the notes), not yet back-propagated. */
    static Tensor build(double w1, double b1, double w2, double b2, double x, double y) {
        Tensor tw1 = var("w1", w1), tb1 = var("b1", b1), tw2 = var("w2", w2), tb2 = var("b2", b2);
        Tensor tx = Tensor.scalar((float) x).name("x");
        Tensor tu = tw1.mul(tx).name("w1*x").add(tb1).name("u");
        Tensor tv = tu.sigmoid().name("v");
        Tensor tz = tw2.mul(tv).name("w2*v").add(tb2).name("z");
        return tz.sub(Tensor.scalar((float) y).name("y")).name("z-y").pow(2f).name("l");
    }

    private static Tensor var(String name, double v) {
        return Tensor.scalar((float) v).requiresGrad(true).name(name);
    }

    public static void main(String[] args) {
        System.out.println("== F(x) = w2*sigma(w1*x + b1) + b2, l = (F(x) - y)^2; w1 = 5, w2 = -1, b1 = 0, b2 = 1, x = 3, y = -12");
        System.out.println(run(5, 0, -1, 1, 3, -12));
        System.out.println("(sigma(15) is saturated: sigma'(15) = 3.06e-7, so the first layer barely learns. Autograd runs in");
        System.out.println(" float32, where 1 - sigma(15) keeps only a few significant bits: dl/dw1 and dl/db1 are a few % off the");
        System.out.println(" double-precision formula; PyTorch in float32 gives -2.575e-05 and -8.583e-06.)");
        System.out.println();
        System.out.println("== the same network at x = 0.2, y = 1 (u = 1, sigma'(1) = 0.1966)");
        Result r = run(5, 0, -1, 1, 0.2, 1);
        System.out.println(r);
        System.out.println();
        System.out.println(r.graph().toText());
    }
}
