package dev.jgrad.io;

import dev.jgrad.activation.Activations;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Step;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Translates a model to and from the JSON-able description in a model file's header: {@code {"type": "Linear",
 * "in_features": 2, ...}} per layer (the keys are the layer's {@link Module#config()}), and
 * {@code {"type": "Sequential", "layers": [...]}} for a stack.
 */
final class Architecture {

    private Architecture() {
    }

    static Map<String, Object> describe(Module m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", m.typeName());
        if (m instanceof Sequential s) {
            List<Object> layers = new ArrayList<>();
            for (Module layer : s.layers()) {
                layers.add(describe(layer));
            }
            d.put("layers", layers);
            return d;
        }
        if (!isBuiltin(m)) {
            throw new IllegalArgumentException("cannot describe layer type '" + m.typeName() + "' ("
                    + m.getClass().getName() + "): model files hold Sequential stacks of the built-in layers");
        }
        d.putAll(m.config());
        return d;
    }

    private static boolean isBuiltin(Module m) {
        return m instanceof Linear || m instanceof Activation || m instanceof ReLU || m instanceof Tanh || m instanceof Sigmoid
                || m instanceof Identity || m instanceof LeakyReLU || m instanceof GELU || m instanceof Step
                || m instanceof Softmax || m instanceof Dropout || m instanceof Perceptron;
    }

    /**
     * The number of weights {@link #build} would allocate for {@code description}, computed without allocating
     * anything, so a header that claims a huge layer is refused before memory is spent on it.
     */
    static long weightCount(Object description, String path) {
        if (!(description instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException("architecture at " + path + " is not a JSON object");
        }
        Object type = d.get("type");
        if ("Sequential".equals(type) && d.get("layers") instanceof List<?> list) {
            long total = 0;
            for (int i = 0; i < list.size(); i++) {
                total = Math.addExact(total, weightCount(list.get(i), path + ".layers[" + i + "]"));
            }
            return total;
        }
        if ("Linear".equals(type)) {
            long in = positive(d, "in_features", path);
            long out = positive(d, "out_features", path);
            return in * out + (boolArg(d, "bias", path) ? out : 0);
        }
        if ("Perceptron".equals(type)) {
            return positive(d, "inputs", path) + 1L;
        }
        return 0; // no weights, or a type build() reports
    }

    private static int positive(Map<?, ?> d, String key, String path) {
        int v = intArg(d, key, path);
        if (v <= 0) {
            throw new IllegalArgumentException(d.get("type") + " at " + path + ": \"" + key + "\" must be positive, got " + v);
        }
        return v;
    }

    /** Rebuilds a model with zero weights (the file's weights are copied in afterwards). */
    static Module build(Object description, String path) {
        if (!(description instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException("architecture at " + path + " is not a JSON object");
        }
        Object type = d.get("type");
        if (!(type instanceof String t)) {
            throw new IllegalArgumentException("architecture at " + path + " has no \"type\"");
        }
        // Layers rebuilt here get their weights from the file; the Random only satisfies the constructors.
        Random unused = new Random(0);
        switch (t) {
            case "Sequential": {
                Object layers = d.get("layers");
                if (!(layers instanceof List<?> list)) {
                    throw new IllegalArgumentException("Sequential at " + path + " has no \"layers\" list");
                }
                Sequential s = new Sequential();
                for (int i = 0; i < list.size(); i++) {
                    s.add(build(list.get(i), path + ".layers[" + i + "]"));
                }
                return s;
            }
            case "Linear":
                return new Linear(intArg(d, "in_features", path), intArg(d, "out_features", path),
                        boolArg(d, "bias", path), Initializers.zeros(), unused);
            case "Activation": // any catalog entry, by its spec
                return new Activation(Activations.parse(String.valueOf(arg(d, "function", path))));
            case "ReLU":
                return new ReLU();
            case "Tanh":
                return new Tanh();
            case "Sigmoid":
                return new Sigmoid();
            case "Identity":
                return new Identity();
            case "GELU":
                return new GELU();
            case "Step":
                return new Step();
            case "LeakyReLU":
                return new LeakyReLU(floatArg(d, "alpha", path));
            case "Softmax":
                return new Softmax(intArg(d, "axis", path));
            case "Dropout":
                // Loaded models are for inference, where dropout is the identity; training again draws from seed 0.
                return new Dropout(floatArg(d, "p", path), unused);
            case "Perceptron":
                return new Perceptron(intArg(d, "inputs", path));
            default:
                throw new IllegalArgumentException("unknown layer type '" + t + "' at " + path);
        }
    }

    private static Object arg(Map<?, ?> d, String key, String path) {
        Object v = d.get(key);
        if (v == null) {
            throw new IllegalArgumentException(d.get("type") + " at " + path + " is missing \"" + key + "\"");
        }
        return v;
    }

    private static int intArg(Map<?, ?> d, String key, String path) {
        Object v = arg(d, key, path);
        if (!(v instanceof Integer i)) {
            throw new IllegalArgumentException(d.get("type") + " at " + path + ": \"" + key + "\" must be an integer, got " + v);
        }
        return i;
    }

    private static float floatArg(Map<?, ?> d, String key, String path) {
        Object v = arg(d, key, path);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(d.get("type") + " at " + path + ": \"" + key + "\" must be a number, got " + v);
        }
        return n.floatValue();
    }

    private static boolean boolArg(Map<?, ?> d, String key, String path) {
        Object v = arg(d, key, path);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException(d.get("type") + " at " + path + ": \"" + key + "\" must be true or false, got " + v);
        }
        return b;
    }
}
