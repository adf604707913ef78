package dev.jgrad.io;

import dev.jgrad.nn.Module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One layer's description as read from a model file (a JSON object with {@code "type"} and the layer's
 * hyperparameters), with typed readers that fail with the layer's path in the file, e.g.
 * {@code Linear at architecture.layers[2] is missing "in_features"}.
 */
public final class LayerConfig {

    private final Map<?, ?> values;
    private final String path;

    LayerConfig(Map<?, ?> values, String path) {
        this.values = values;
        this.path = path;
    }

    /** Where this layer sits in the file's architecture, e.g. {@code architecture.layers[2]}. */
    public String path() {
        return path;
    }

    /** The type name. */
    public String type() {
        return String.valueOf(values.get("type"));
    }

    /** The raw JSON value under {@code key} (strings, numbers, booleans, lists, maps), or null. */
    public Object get(String key) {
        return values.get(key);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private Object required(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw error("is missing \"" + key + "\"");
        }
        return v;
    }

    /** A JSON integer. */
    public int integer(String key) {
        Object v = required(key);
        if (!(v instanceof Integer i)) {
            throw error("\"" + key + "\" must be an integer, got " + v);
        }
        return i;
    }

    /** A JSON integer > 0 (a layer width). */
    public int positive(String key) {
        int v = integer(key);
        if (v <= 0) {
            throw error("\"" + key + "\" must be positive, got " + v);
        }
        return v;
    }

    /** A finite JSON number. */
    public double number(String key) {
        Object v = required(key);
        if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw error("\"" + key + "\" must be a finite number, got " + v);
        }
        return n.doubleValue();
    }

    public boolean bool(String key) {
        Object v = required(key);
        if (!(v instanceof Boolean b)) {
            throw error("\"" + key + "\" must be true or false, got " + v);
        }
        return b;
    }

    public String string(String key) {
        Object v = required(key);
        if (!(v instanceof String s)) {
            throw error("\"" + key + "\" must be a string, got " + v);
        }
        return s;
    }

    /** The layers listed under {@code key}, each rebuilt through the registry (for containers). */
    public List<Module> layers(String key) {
        List<?> list = list(key);
        List<Module> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(LayerRegistry.build(list.get(i), path + "." + key + "[" + i + "]"));
        }
        return out;
    }

    /** The weights of the layers listed under {@code key}, or {@link LayerType#UNKNOWN} if one cannot tell. */
    public long layersWeightCount(String key) {
        List<?> list = list(key);
        long total = 0;
        for (int i = 0; i < list.size(); i++) {
            long n = LayerRegistry.weightCount(list.get(i), path + "." + key + "[" + i + "]");
            if (n == LayerType.UNKNOWN) {
                return LayerType.UNKNOWN;
            }
            total = Math.addExact(total, n);
        }
        return total;
    }

    private List<?> list(String key) {
        Object v = required(key);
        if (!(v instanceof List<?> list)) {
            throw error("\"" + key + "\" must be a list, got " + v);
        }
        return list;
    }

    /** An {@link IllegalArgumentException} that names this layer: {@code Linear at architecture.layers[0] <problem>}. */
    public IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(type() + " at " + path + (problem.startsWith("\"") ? ": " : " ") + problem);
    }
}
