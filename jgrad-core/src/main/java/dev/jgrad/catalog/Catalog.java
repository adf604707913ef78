package dev.jgrad.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A catalog of named things with numeric parameters: each {@link Entry} is a name (and aliases), a display name,
 * a one-line description, parameter names with defaults, and a factory. {@link #parse} reads
 * {@code "name"} or {@code "name:p1,p2"}; names match in any case with {@code _} or {@code -}. Thread-safe.
 *
 * @param <T> what the entries build
 */
public final class Catalog<T> {

    /** One entry: how to name, describe and build one kind of thing. */
    public record Entry<T>(String name, List<String> aliases, String displayName, String description,
                           List<String> parameters, double[] defaults, Function<double[], T> factory) {
        public Entry {
            aliases = List.copyOf(aliases);
            parameters = List.copyOf(parameters);
            defaults = defaults.clone();
            if (defaults.length != parameters.size()) {
                throw new IllegalArgumentException("'" + name + "': " + parameters.size() + " parameters but "
                        + defaults.length + " defaults");
            }
        }

        /** An entry without parameters. */
        public static <T> Entry<T> of(String name, List<String> aliases, String displayName, String description,
                                      Function<double[], T> factory) {
            return new Entry<>(name, aliases, displayName, description, List.of(), new double[0], factory);
        }

        @Override
        public double[] defaults() {
            return defaults.clone();
        }

        /** The thing with the given leading parameters, the rest at their defaults. */
        public T create(double... params) {
            if (params.length > defaults.length) {
                throw new IllegalArgumentException("'" + name + "' takes " + describeParameters() + ", got "
                        + params.length + " values");
            }
            double[] all = defaults.clone();
            System.arraycopy(params, 0, all, 0, params.length);
            for (int i = 0; i < all.length; i++) {
                if (!Double.isFinite(all[i])) {
                    throw new IllegalArgumentException("'" + name + "': " + parameters.get(i) + " must be finite, got "
                            + all[i]);
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

    private final String kind;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private final Map<String, Entry<T>> byAlias = new LinkedHashMap<>();

    /** @param kind what the entries are, for messages: {@code "activation"}, {@code "loss"} */
    public Catalog(String kind) {
        this.kind = kind;
    }

    /** Adds an entry; its name and aliases must be new. */
    public synchronized void register(Entry<T> entry) {
        List<String> names = new ArrayList<>(entry.aliases());
        names.add(0, entry.name());
        for (String n : names) {
            String key = normalize(n);
            if (key.isEmpty() || key.contains(":") || key.contains(",")) {
                throw new IllegalArgumentException(kind + " name '" + n + "' must be non-empty, without ':' or ','");
            }
            if (byAlias.containsKey(key)) {
                throw new IllegalArgumentException(kind + " '" + n + "' is already registered");
            }
        }
        entries.put(normalize(entry.name()), entry);
        for (String n : names) {
            byAlias.put(normalize(n), entry);
        }
    }

    /** Every entry in registration order. */
    public synchronized List<Entry<T>> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry called {@code name} or one of its aliases. */
    public synchronized Entry<T> entry(String name) {
        Entry<T> e = byAlias.get(normalize(name));
        if (e == null) {
            throw new IllegalArgumentException("unknown " + kind + " '" + name + "'; choose one of " + names());
        }
        return e;
    }

    /** Parses {@code "name"} or {@code "name:p1,p2"}. */
    public T parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(kind + ": empty name; choose one of " + names());
        }
        int colon = spec.indexOf(':');
        Entry<T> e = entry(colon < 0 ? spec : spec.substring(0, colon));
        if (colon < 0) {
            return e.create();
        }
        String[] parts = spec.substring(colon + 1).split(",", -1);
        double[] params = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                params[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(kind + " '" + spec + "': '" + parts[i].trim() + "' is not a number; '"
                        + e.name() + "' takes " + e.describeParameters());
            }
        }
        try {
            return e.create(params);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(kind + " " + ex.getMessage(), ex);
        }
    }

    /**
     * The one spelling of {@code spec}: the entry's own name (not an alias, any case) and the parameters as given,
     * in shortest decimal form: {@code "Leaky_ReLU:0.10"} is {@code "leaky-relu:0.1"}, {@code "crossentropy"} is
     * {@code "cross-entropy"}. Parameters left out stay out (they take the defaults). Throws as {@link #parse} for a
     * spec that does not build.
     */
    public String canonical(String spec) {
        parse(spec); // names the problem (unknown name, bad number, parameter out of range) in one line
        int colon = spec.indexOf(':');
        Entry<T> e = entry(colon < 0 ? spec : spec.substring(0, colon));
        if (colon < 0) {
            return e.name();
        }
        String[] parts = spec.substring(colon + 1).split(",", -1);
        double[] params = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            params[i] = Double.parseDouble(parts[i].trim());
        }
        return spec(e.name(), params);
    }

    /** The entries' names, comma-separated, for messages and help texts. */
    public synchronized String names() {
        return String.join(", ", entries.values().stream().map(Entry::name).toList());
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
    public static String format(double v) {
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
