package dev.jgrad.activation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalog of activations: each {@link Entry} is a name, its parameters with their defaults, a display name,
 * a one-line description and a factory. {@link #parse} turns {@code "leaky-relu:0.1"} into the function; every
 * function's {@link ActivationFunction#spec()} parses back to an equal function, which is how model files,
 * links and the command line spell activations.
 *
 * <p>The built-in entries are registered when the class loads; a user's own activation joins with
 * {@link #register}, after which layers, the fused path, the command line's parser and model files know it.
 */
public final class Activations {

    /** One catalog entry: how to name, describe and build an activation. */
    public record Entry(String name, List<String> aliases, String displayName, String description,
                        List<String> parameters, double[] defaults, Function<double[], ActivationFunction> factory) {
        public Entry {
            aliases = List.copyOf(aliases);
            parameters = List.copyOf(parameters);
            defaults = defaults.clone();
            if (defaults.length != parameters.size()) {
                throw new IllegalArgumentException("activation '" + name + "': " + parameters.size()
                        + " parameters but " + defaults.length + " defaults");
            }
        }

        @Override
        public double[] defaults() {
            return defaults.clone();
        }

        /** The function with the given leading parameters, the rest at their defaults. */
        public ActivationFunction create(double... params) {
            if (params.length > defaults.length) {
                throw new IllegalArgumentException("activation '" + name + "' takes " + describeParameters()
                        + ", got " + params.length + " values");
            }
            double[] all = defaults.clone();
            System.arraycopy(params, 0, all, 0, params.length);
            for (int i = 0; i < all.length; i++) {
                if (!Double.isFinite(all[i])) {
                    throw new IllegalArgumentException("activation '" + name + "': " + parameters.get(i)
                            + " must be finite, got " + all[i]);
                }
            }
            return factory.apply(all);
        }

        /** {@code "alpha (default 0.01)"}, or {@code "no parameters"}. */
        public String describeParameters() {
            if (parameters.isEmpty()) {
                return "no parameters";
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < parameters.size(); i++) {
                parts.add(parameters.get(i) + " (default " + format(defaults[i]) + ")");
            }
            return String.join(", ", parts);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, Entry> BY_ALIAS = new LinkedHashMap<>();

    public static final ActivationFunction IDENTITY = new IdentityFunction();
    public static final ActivationFunction RELU = new ReluFunction();
    public static final ActivationFunction TANH = new TanhFunction();
    public static final ActivationFunction SIGMOID = new SigmoidFunction();
    public static final ActivationFunction GELU = new GeluFunction();
    public static final ActivationFunction SILU = new SiluFunction();
    public static final ActivationFunction MISH = new MishFunction();
    public static final ActivationFunction STEP = new StepFunction();

    static {
        register(new Entry("identity", List.of("linear", "none"), "Linear (identity)",
                "f(x) = x: no nonlinearity; a stack of linear layers stays linear", List.of(), new double[0], p -> IDENTITY));
        register(new Entry("relu", List.of(), "ReLU", "max(0, x): cheap, sparse, the default for deep nets",
                List.of(), new double[0], p -> RELU));
        register(new Entry("leaky-relu", List.of("leakyrelu"), "Leaky ReLU",
                "x for x > 0, alpha x otherwise: a small slope keeps dead units learning",
                List.of("alpha"), new double[]{0.01}, p -> new LeakyReluFunction(p[0])));
        register(new Entry("tanh", List.of(), "Tanh", "tanh(x): zero-centred, saturates at -1 and 1",
                List.of(), new double[0], p -> TANH));
        register(new Entry("sigmoid", List.of("logistic"), "Sigmoid", "1 / (1 + e^-x): squashes into (0, 1)",
                List.of(), new double[0], p -> SIGMOID));
        register(new Entry("gelu", List.of(), "GELU", "x Phi(x) (exact, with the normal CDF): smooth ReLU of transformers",
                List.of(), new double[0], p -> GELU));
        register(new Entry("silu", List.of("swish"), "SiLU (Swish)", "x sigmoid(x): smooth, non-monotonic near 0",
                List.of(), new double[0], p -> SILU));
        register(new Entry("elu", List.of(), "ELU", "x for x > 0, alpha (e^x - 1) otherwise: smooth negative side",
                List.of("alpha"), new double[]{1.0}, p -> new EluFunction(p[0])));
        register(new Entry("mish", List.of(), "Mish", "x tanh(softplus(x)): smooth, self-regularizing",
                List.of(), new double[0], p -> MISH));
        register(new Entry("softplus", List.of(), "Softplus", "log(1 + e^(beta x)) / beta: a smooth ReLU",
                List.of("beta", "threshold"), new double[]{1.0, 20.0}, p -> new SoftplusFunction(p[0], p[1])));
        register(new Entry("hardtanh", List.of(), "Hardtanh", "x clipped to [min, max]",
                List.of("min", "max"), new double[]{-1.0, 1.0}, p -> new HardtanhFunction(p[0], p[1])));
        register(new Entry("step", List.of("heaviside"), "Step (Heaviside)",
                "1 for x >= 0, else 0: the perceptron's unit; its gradient is zero everywhere",
                List.of(), new double[0], p -> STEP));
    }

    private Activations() {
    }

    /** Adds an entry; its name and aliases must be new. Thread-safe. */
    public static synchronized void register(Entry entry) {
        List<String> names = new ArrayList<>(entry.aliases());
        names.add(0, entry.name());
        for (String n : names) {
            String key = normalize(n);
            if (key.isEmpty() || key.contains(":") || key.contains(",")) {
                throw new IllegalArgumentException("activation name '" + n + "' must be non-empty, without ':' or ','");
            }
            if (BY_ALIAS.containsKey(key)) {
                throw new IllegalArgumentException("activation '" + n + "' is already registered");
            }
        }
        ENTRIES.put(normalize(entry.name()), entry);
        for (String n : names) {
            BY_ALIAS.put(normalize(n), entry);
        }
    }

    /** Every entry in registration order (built-ins first). */
    public static synchronized List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /** The entry called {@code name} (or one of its aliases; any case, '_' or '-'). */
    public static synchronized Entry entry(String name) {
        Entry e = BY_ALIAS.get(normalize(name));
        if (e == null) {
            throw new IllegalArgumentException("unknown activation '" + name + "'; choose one of " + names());
        }
        return e;
    }

    /** Parses {@code "relu"}, {@code "leaky-relu:0.1"}, {@code "hardtanh:-2,2"}. */
    public static ActivationFunction parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation: empty name; choose one of " + names());
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        Entry e = entry(name);
        if (colon < 0) {
            return e.create();
        }
        String[] parts = spec.substring(colon + 1).split(",", -1);
        double[] params = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                params[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("activation '" + spec + "': '" + parts[i].trim()
                        + "' is not a number; '" + e.name() + "' takes " + e.describeParameters());
            }
        }
        return e.create(params);
    }

    /** The catalog's names, comma-separated, for error messages and help texts. */
    public static synchronized String names() {
        return String.join(", ", ENTRIES.values().stream().map(Entry::name).toList());
    }

    /** {@code name} with its parameters: {@code "leaky-relu:0.1"}; just the name when there are none. */
    public static String spec(String name, double... params) {
        if (params.length == 0) {
            return name;
        }
        StringBuilder sb = new StringBuilder(name).append(':');
        for (int i = 0; i < params.length; i++) {
            sb.append(i == 0 ? "" : ",").append(format(params[i]));
        }
        return sb.toString();
    }

    /** Shortest decimal form: 0.1, 1, -2.5. */
    static String format(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
