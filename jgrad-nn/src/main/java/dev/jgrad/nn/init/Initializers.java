package dev.jgrad.nn.init;

import dev.jgrad.catalog.Catalog;
import dev.jgrad.catalog.Catalog.Entry;
import dev.jgrad.tensor.Tensor;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The standard initializers. Each writes straight into the tensor's backing array.
 *
 * <table>
 *   <caption>Distributions</caption>
 *   <tr><th>initializer</th><th>distribution</th><th>variance</th></tr>
 *   <tr><td>{@link #uniform(float, float) uniform(a, b)}</td><td>U(a, b)</td><td>(b-a)^2/12</td></tr>
 *   <tr><td>{@link #normal(float, float) normal(mean, std)}</td><td>N(mean, std^2)</td><td>std^2</td></tr>
 *   <tr><td>{@link #glorotNormal()}</td><td>N(0, 2/(fanIn+fanOut))</td><td>2/(fanIn+fanOut)</td></tr>
 *   <tr><td>{@link #glorotUniform()}</td><td>U(-sqrt(6/(fanIn+fanOut)), +...)</td><td>2/(fanIn+fanOut)</td></tr>
 *   <tr><td>{@link #heNormal()}</td><td>N(0, 2/fanIn)</td><td>2/fanIn</td></tr>
 *   <tr><td>{@link #heUniform()}</td><td>U(-sqrt(6/fanIn), +...)</td><td>2/fanIn</td></tr>
 *   <tr><td>{@link #torch()}</td><td>U(-1/sqrt(fanIn), +...), bias too</td><td>1/(3 fanIn)</td></tr>
 * </table>
 *
 * <p>The lecture notes' {@code 2*rand(...) - 1} is {@code uniform(-1, 1)}; their Glorot rule ("variance
 * 2/(n_in+n_out)") is {@link #glorotNormal()}.
 *
 * <p>They form a catalog ({@link Catalog}) like activations and losses: {@link #parse} reads {@code "he"},
 * {@code "uniform:-0.5,0.5"}, {@code "normal:0,0.1"}; {@link #register} adds one.
 */
public final class Initializers {

    private static final Catalog<Initializer> CATALOG = new Catalog<>("initializer");

    static {
        register(Entry.of("glorot-uniform", List.of("glorot", "xavier", "xavier-uniform"), "Glorot uniform",
                "U(-l, l), l = sqrt(6/(fan_in+fan_out)): keeps the variance of signals and gradients near 1",
                p -> glorotUniform()));
        register(Entry.of("glorot-normal", List.of("xavier-normal"), "Glorot normal",
                "N(0, 2/(fan_in+fan_out)): the notes' rule", p -> glorotNormal()));
        register(Entry.of("he-uniform", List.of("he", "kaiming", "kaiming-uniform"), "He uniform",
                "U(-l, l), l = sqrt(6/fan_in): variance 2/fan_in, for ReLU layers", p -> heUniform()));
        register(Entry.of("he-normal", List.of("kaiming-normal"), "He normal", "N(0, 2/fan_in), for ReLU layers",
                p -> heNormal()));
        register(Entry.of("torch", List.of("pytorch"), "PyTorch default",
                "PyTorch's nn.Linear: weights and biases U(-l, l), l = 1/sqrt(fan_in) (kaiming_uniform with a = sqrt(5))",
                p -> torch()));
        register(new Entry<>("uniform", List.of(), "Uniform",
                "U(a, b) whatever the layer's size; U(-0.5, 0.5) is TensorFlow Playground's draw",
                List.of("a", "b"), new double[]{-0.5, 0.5}, p -> uniform(p[0], p[1])));
        register(new Entry<>("normal", List.of(), "Normal", "N(mean, std^2) whatever the layer's size",
                List.of("mean", "std"), new double[]{0, 1}, p -> normal(p[0], p[1])));
        register(new Entry<>("constant", List.of(), "Constant", "every weight the same value (no symmetry breaking)",
                List.of("value"), new double[]{0}, p -> constant(p[0])));
        register(Entry.of("zeros", List.of("zero"), "Zeros",
                "every weight 0: hidden units stay identical (try it to see why we draw at random)", p -> zeros()));
    }

    private Initializers() {
    }

    /** Adds an entry; its name and aliases must be new. */
    public static void register(Entry<Initializer> entry) {
        CATALOG.register(entry);
    }

    /** Every entry in registration order (built-ins first). */
    public static List<Entry<Initializer>> entries() {
        return CATALOG.entries();
    }

    /** The entry called {@code name} or one of its aliases (any case, '_' or '-'). */
    public static Entry<Initializer> entry(String name) {
        return CATALOG.entry(name);
    }

    /** Parses {@code "glorot"}, {@code "uniform:-0.5,0.5"}, ... */
    public static Initializer parse(String spec) {
        return CATALOG.parse(spec);
    }

    /** The one spelling of a spec: the entry's name and the parameters given ({@link Catalog#canonical}). */
    public static String canonical(String spec) {
        return CATALOG.canonical(spec);
    }

    public static String names() {
        return CATALOG.names();
    }

    public static Initializer zeros() {
        return constant(0f);
    }

    public static Initializer constant(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant initializer: value must be finite, got " + value);
        }
        float v = (float) value;
        return (w, fanIn, fanOut, rng) -> Arrays.fill(w.data(), v);
    }

    /** Uniform on [a, b). */
    public static Initializer uniform(double a, double b) {
        if (!(a < b) || !Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("uniform initializer: need finite a < b, got a=" + a + ", b=" + b);
        }
        return (w, fanIn, fanOut, rng) -> fillUniform(w, (float) a, (float) b, rng);
    }

    public static Initializer normal(double mean, double std) {
        if (!(std > 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("normal initializer: std must be > 0 and finite, got " + std);
        }
        return (w, fanIn, fanOut, rng) -> fillNormal(w, (float) mean, (float) std, rng);
    }

    /** Glorot/Xavier normal: N(0, 2/(fanIn+fanOut)), the rule in the lecture notes. */
    public static Initializer glorotNormal() {
        return (w, fanIn, fanOut, rng) -> fillNormal(w, 0f, (float) Math.sqrt(2.0 / fans(fanIn, fanOut)), rng);
    }

    /** Glorot/Xavier uniform: U(-l, l) with l = sqrt(6/(fanIn+fanOut)), the same variance as glorotNormal. */
    public static Initializer glorotUniform() {
        return (w, fanIn, fanOut, rng) -> {
            float limit = (float) Math.sqrt(6.0 / fans(fanIn, fanOut));
            fillUniform(w, -limit, limit, rng);
        };
    }

    /** He/Kaiming normal for ReLU layers: N(0, 2/fanIn). */
    public static Initializer heNormal() {
        return (w, fanIn, fanOut, rng) -> fillNormal(w, 0f, (float) Math.sqrt(2.0 / fans(fanIn, 0)), rng);
    }

    /** He/Kaiming uniform: U(-l, l) with l = sqrt(6/fanIn), variance 2/fanIn. */
    public static Initializer heUniform() {
        return (w, fanIn, fanOut, rng) -> {
            float limit = (float) Math.sqrt(6.0 / fans(fanIn, 0));
            fillUniform(w, -limit, limit, rng);
        };
    }

    /**
     * What PyTorch's {@code nn.Linear} does ({@code kaiming_uniform_} with a = sqrt(5), then the bias): weights and
     * biases U(-l, l) with l = 1/sqrt(fanIn). Recipes quoted with PyTorch accuracies were measured with it.
     */
    public static Initializer torch() {
        return new Initializer() {
            @Override
            public void initialize(Tensor w, int fanIn, int fanOut, Random rng) {
                float limit = (float) (1 / Math.sqrt(fans(fanIn, 0)));
                fillUniform(w, -limit, limit, rng);
            }

            @Override
            public void initializeBias(Tensor b, int fanIn, int fanOut, Random rng) {
                initialize(b, fanIn, fanOut, rng);
            }
        };
    }

    private static double fans(int fanIn, int fanOut) {
        if (fanIn <= 0 || fanOut < 0) {
            throw new IllegalArgumentException("initializer: fanIn must be > 0 and fanOut >= 0, got fanIn=" + fanIn + ", fanOut=" + fanOut);
        }
        return (double) fanIn + fanOut;
    }

    private static void fillUniform(Tensor w, float a, float b, Random rng) {
        float[] d = w.data();
        float width = b - a;
        for (int i = 0; i < d.length; i++) {
            d[i] = a + width * rng.nextFloat();
        }
    }

    private static void fillNormal(Tensor w, float mean, float std, Random rng) {
        float[] d = w.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = mean + std * (float) rng.nextGaussian();
        }
    }
}
