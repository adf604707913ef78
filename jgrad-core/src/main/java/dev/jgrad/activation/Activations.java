package dev.jgrad.activation;

import dev.jgrad.catalog.Catalog;
import dev.jgrad.catalog.Catalog.Entry;

import java.util.List;

/**
 * The catalog of activations ({@link Catalog}): {@link #parse} turns {@code "leaky-relu:0.1"} into the function;
 * every function's {@link ActivationFunction#spec()} parses back to an equal function, which is how model files,
 * links and the command line spell activations.
 *
 * <p>The built-in entries are registered when the class loads; a user's own activation joins with
 * {@link #register}, after which layers, the fused path, the command line's parser and model files know it.
 */
public final class Activations {

    private static final Catalog<ActivationFunction> CATALOG = new Catalog<>("activation");

    public static final ActivationFunction IDENTITY = new IdentityFunction();
    public static final ActivationFunction RELU = new ReluFunction();
    public static final ActivationFunction TANH = new TanhFunction();
    public static final ActivationFunction SIGMOID = new SigmoidFunction();
    public static final ActivationFunction GELU = new GeluFunction();
    public static final ActivationFunction SILU = new SiluFunction();
    public static final ActivationFunction MISH = new MishFunction();
    public static final ActivationFunction STEP = new StepFunction();

    static {
        register(new Entry<>("identity", List.of("linear", "none"), "Linear (identity)",
                "f(x) = x: no nonlinearity; a stack of linear layers stays linear", List.of(), new double[0], p -> IDENTITY));
        register(new Entry<>("relu", List.of(), "ReLU", "max(0, x): cheap, sparse, the default for deep nets",
                List.of(), new double[0], p -> RELU));
        register(new Entry<>("leaky-relu", List.of("leakyrelu"), "Leaky ReLU",
                "x for x > 0, alpha x otherwise: a small slope keeps dead units learning",
                List.of("alpha"), new double[]{0.01}, p -> new LeakyReluFunction(p[0])));
        register(new Entry<>("tanh", List.of(), "Tanh", "tanh(x): zero-centred, saturates at -1 and 1",
                List.of(), new double[0], p -> TANH));
        register(new Entry<>("sigmoid", List.of("logistic"), "Sigmoid", "1 / (1 + e^-x): squashes into (0, 1)",
                List.of(), new double[0], p -> SIGMOID));
        register(new Entry<>("gelu", List.of(), "GELU", "x Phi(x) (exact, with the normal CDF): smooth ReLU of transformers",
                List.of(), new double[0], p -> GELU));
        register(new Entry<>("silu", List.of("swish"), "SiLU (Swish)", "x sigmoid(x): smooth, non-monotonic near 0",
                List.of(), new double[0], p -> SILU));
        register(new Entry<>("elu", List.of(), "ELU", "x for x > 0, alpha (e^x - 1) otherwise: smooth negative side",
                List.of("alpha"), new double[]{1.0}, p -> new EluFunction(p[0])));
        register(new Entry<>("mish", List.of(), "Mish", "x tanh(softplus(x)): smooth, self-regularizing",
                List.of(), new double[0], p -> MISH));
        register(new Entry<>("softplus", List.of(), "Softplus", "log(1 + e^(beta x)) / beta: a smooth ReLU",
                List.of("beta", "threshold"), new double[]{1.0, 20.0}, p -> new SoftplusFunction(p[0], p[1])));
        register(new Entry<>("hardtanh", List.of(), "Hardtanh", "x clipped to [min, max]",
                List.of("min", "max"), new double[]{-1.0, 1.0}, p -> new HardtanhFunction(p[0], p[1])));
        register(new Entry<>("step", List.of("heaviside"), "Step (Heaviside)",
                "1 for x >= 0, else 0: the perceptron's unit; its gradient is zero everywhere",
                List.of(), new double[0], p -> STEP));
    }

    private Activations() {
    }

    /** Adds an entry; its name and aliases must be new. */
    public static void register(Entry<ActivationFunction> entry) {
        CATALOG.register(entry);
    }

    /** Every entry in registration order (built-ins first). */
    public static List<Entry<ActivationFunction>> entries() {
        return CATALOG.entries();
    }

    /** The entry called {@code name} (or one of its aliases; any case, '_' or '-'). */
    public static Entry<ActivationFunction> entry(String name) {
        return CATALOG.entry(name);
    }

    /** Parses {@code "relu"}, {@code "leaky-relu:0.1"}, {@code "hardtanh:-2,2"}. */
    public static ActivationFunction parse(String spec) {
        return CATALOG.parse(spec);
    }

    /** The one spelling of a spec, every parameter written out: {@code "leakyrelu"} is {@code "leaky-relu:0.01"}. */
    public static String canonical(String spec) {
        return parse(spec).spec();
    }

    /** The catalog's names, comma-separated, for error messages and help texts. */
    public static String names() {
        return CATALOG.names();
    }

    /** {@code name} with its parameters: {@code "leaky-relu:0.1"}; just the name when there are none. */
    public static String spec(String name, double... params) {
        return Catalog.spec(name, params);
    }

    /** Shortest decimal form: 0.1, 1, -2.5. */
    static String format(double v) {
        return Catalog.format(v);
    }
}
