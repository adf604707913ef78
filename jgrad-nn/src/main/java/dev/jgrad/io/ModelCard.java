package dev.jgrad.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model file says about its model besides the architecture and weights: an open JSON object of sections,
 * each a JSON object. The documented keys (see {@code docs/model-format.md}) have typed accessors here; any tool may
 * add keys or sections of its own, which are kept as they are.
 * <pre>
 *   inputs      feature_names [str], label_column str, shape [int], normalization str, scaler {...}
 *   outputs     task "classification"|"regression", class_names [str], kind (how outputs read; below)
 *   training    layers [int], activation spec, loss, optimizer {name, lr, ...}, batch_size, epochs, seed, ...
 *   metrics     final values by name, e.g. loss, val_loss, test_accuracy
 *   provenance  jgrad_version, created (ISO-8601), tool, seed, data (as given), data_absolute
 * </pre>
 * Output kinds ({@code outputs.kind}): {@code logits} (softmax over one column per class), {@code binary-logits}
 * (a sigmoid per column; one column means class 1 of two), {@code sigmoid} (the network ends in a sigmoid: a
 * probability per column; one column means class 1 of two), {@code tanh} (one column in [-1, 1], class 1 above 0),
 * {@code margin} (one raw score, class 1 above 0, as hinge loss trains it), {@code value} (regression).
 *
 * <p>The card is mutable while it is being filled in and is copied when saved and loaded.
 */
public final class ModelCard {

    public static final String INPUTS = "inputs";
    public static final String OUTPUTS = "outputs";
    public static final String TRAINING = "training";
    public static final String METRICS = "metrics";
    public static final String PROVENANCE = "provenance";

    private final Map<String, Object> root;

    /** An empty card. */
    public ModelCard() {
        this.root = new LinkedHashMap<>();
    }

    private ModelCard(Map<String, Object> root) {
        this.root = root;
    }

    /** A card over a copy of the JSON object {@code json} (as read from a file); sections must be objects. */
    public static ModelCard of(Map<?, ?> json) {
        Map<String, Object> copy = deepCopy(json);
        for (Map.Entry<String, Object> e : copy.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("model card: section \"" + e.getKey() + "\" must be a JSON object, got "
                        + e.getValue());
            }
        }
        return new ModelCard(copy);
    }

    /** A deep copy as JSON values (maps, lists, strings, numbers, booleans). */
    public Map<String, Object> toMap() {
        return deepCopy(root);
    }

    /** Whether the card has no sections. */
    public boolean isEmpty() {
        return root.isEmpty();
    }

    /** The section's names in order. */
    public List<String> sections() {
        return List.copyOf(root.keySet());
    }

    /** A read-only view of a section (empty when absent). */
    public Map<String, Object> section(String name) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) root.get(name);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /** Sets {@code section.key} to a JSON value (null removes it). Returns this. */
    public ModelCard put(String section, String key, Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) root.computeIfAbsent(section, k -> new LinkedHashMap<String, Object>());
        if (value == null) {
            s.remove(key);
        } else {
            s.put(key, copyValue(value));
        }
        return this;
    }

    /** The raw JSON value at {@code section.key}, or null. */
    public Object get(String section, String key) {
        return section(section).get(key);
    }

    /** A string at {@code section.key}. */
    public Optional<String> string(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw wrong(section, key, "a string", v);
        }
        return Optional.of(s);
    }

    /** A list of strings at {@code section.key}; empty when absent. */
    public List<String> strings(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof String)) {
            throw wrong(section, key, "a list of strings", v);
        }
        return l.stream().map(String.class::cast).toList();
    }

    /** An integer at {@code section.key}. */
    public Optional<Long> integer(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw wrong(section, key, "an integer", v);
        }
        return Optional.of(((Number) v).longValue());
    }

    /** A number at {@code section.key}. */
    public Optional<Double> number(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Number n)) {
            throw wrong(section, key, "a number", v);
        }
        return Optional.of(n.doubleValue());
    }

    /** A list of positive integers at {@code section.key} (a shape, layer widths). */
    public Optional<int[]> dims(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof List<?> l) || l.isEmpty() || !l.stream().allMatch(x -> x instanceof Integer i && i > 0)) {
            throw wrong(section, key, "a list of positive integers", v);
        }
        return Optional.of(l.stream().mapToInt(x -> (Integer) x).toArray());
    }

    /** A JSON object at {@code section.key}. */
    public Optional<Map<String, Object>> object(String section, String key) {
        Object v = get(section, key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw wrong(section, key, "a JSON object", v);
        }
        return Optional.of(deepCopy(m));
    }

    private static IllegalArgumentException wrong(String section, String key, String what, Object v) {
        return new IllegalArgumentException("model card: " + section + "." + key + " must be " + what + ", got " + v);
    }

    // ---- the documented fields ---------------------------------------------------------------------------------

    public List<String> featureNames() {
        return strings(INPUTS, "feature_names");
    }

    public ModelCard featureNames(List<String> names) {
        return put(INPUTS, "feature_names", names == null ? null : List.copyOf(names));
    }

    public Optional<String> labelColumn() {
        return string(INPUTS, "label_column");
    }

    public ModelCard labelColumn(String column) {
        return put(INPUTS, "label_column", column);
    }

    /** The shape of one input sample, e.g. {@code [28, 28]} for images, {@code [d]} for rows. */
    public Optional<int[]> inputShape() {
        return dims(INPUTS, "shape");
    }

    public ModelCard inputShape(int... shape) {
        return put(INPUTS, "shape", shape == null ? null : ints(shape));
    }

    /** {@code "none"}, {@code "pixels/255"} or {@code "scaler"} (then {@link #scaler()} holds the statistics). */
    public Optional<String> normalization() {
        return string(INPUTS, "normalization");
    }

    public ModelCard normalization(String how) {
        return put(INPUTS, "normalization", how);
    }

    /** The fitted feature scaler as jgrad-data's {@code Scaler.toMap()} writes it. */
    public Optional<Map<String, Object>> scaler() {
        return object(INPUTS, "scaler");
    }

    public ModelCard scaler(Map<String, ?> scaler) {
        return put(INPUTS, "scaler", scaler == null ? null : deepCopy(scaler));
    }

    /** {@code "classification"} or {@code "regression"}. */
    public Optional<String> task() {
        return string(OUTPUTS, "task");
    }

    public ModelCard task(String task) {
        return put(OUTPUTS, "task", task);
    }

    public List<String> classNames() {
        return strings(OUTPUTS, "class_names");
    }

    public ModelCard classNames(List<String> names) {
        return put(OUTPUTS, "class_names", names == null ? null : List.copyOf(names));
    }

    /** How the outputs read: logits, binary-logits, sigmoid, tanh, margin or value (see the class comment). */
    public Optional<String> outputKind() {
        return string(OUTPUTS, "kind");
    }

    public ModelCard outputKind(String kind) {
        return put(OUTPUTS, "kind", kind);
    }

    /** Sets {@code training.key}. Returns this. */
    public ModelCard training(String key, Object value) {
        return put(TRAINING, key, value);
    }

    /** Sets {@code metrics.name}; non-finite values are left out (JSON has no NaN). Returns this. */
    public ModelCard metric(String name, double value) {
        return put(METRICS, name, Double.isFinite(value) ? value : null);
    }

    /** The final metrics by name. */
    public Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        section(METRICS).forEach((k, v) -> {
            if (v instanceof Number n) {
                out.put(k, n.doubleValue());
            }
        });
        return out;
    }

    /**
     * Fills {@code provenance}: this jgrad's version, the time now, the tool, the seed, and the data as given plus
     * its absolute path when it names an existing file or directory. Returns this.
     */
    public ModelCard provenance(String tool, Long seed, String data) {
        put(PROVENANCE, "jgrad_version", jgradVersion());
        put(PROVENANCE, "created", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        put(PROVENANCE, "tool", tool);
        put(PROVENANCE, "seed", seed);
        put(PROVENANCE, "data", data);
        if (data != null) {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(data);
                if (java.nio.file.Files.exists(p)) {
                    put(PROVENANCE, "data_absolute", p.toAbsolutePath().normalize().toString());
                }
            } catch (java.nio.file.InvalidPathException notAPath) {
                // A data set name such as "circle", not a path.
            }
        }
        return this;
    }

    /** The version of this jgrad build, or "unknown" when run from classes not built by Maven. */
    public static String jgradVersion() {
        try (java.io.InputStream in = ModelCard.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static List<Integer> ints(int[] values) {
        List<Integer> l = new ArrayList<>(values.length);
        for (int v : values) {
            l.add(v);
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(copyValue(x)));
            return out;
        }
        if (v instanceof int[] a) {
            return ints(a);
        }
        // As a JSON reader gives them back, so a card equals itself after a save and a load.
        if (v instanceof Long l && l == (int) (long) l) {
            return (int) (long) l;
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelCard c && root.equals(c.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "ModelCard" + root;
    }
}
