package dev.jgrad.io;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.ActivationLayers;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Perceptron;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.init.Initializers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;

/**
 * The layer types model files know: each {@link LayerType} says how a layer is described in a file's architecture
 * ({@code {"type": "Linear", "in_features": 2, ...}}) and rebuilt from it. The built-in layers are registered when
 * the class loads, then every {@link LayerProvider} on the class path; a program adds its own layer with
 * {@link #register}:
 * <pre>
 *   LayerRegistry.register(LayerType.of("Scale", Scale.class, c -&gt; new Scale(c.number("factor"))));
 * </pre>
 * The generic {@link Activation} layer is saved as its catalog spec ({@code {"type": "Activation", "function":
 * "leaky-relu:0.1"}}), so every catalog activation, a user's own catalog entry included, saves and loads with no
 * other code; an unregistered subclass of {@link Activation} is saved the same way (a {@link Sequential} runs any
 * activation layer by its function alone).
 */
public final class LayerRegistry {

    private static final Map<String, LayerType<?>> BY_NAME = new LinkedHashMap<>();
    private static final Map<Class<?>, LayerType<?>> BY_CLASS = new LinkedHashMap<>();

    static {
        // Layers rebuilt from a file get their weights from it; the Random only satisfies the constructors.
        register(new LayerType<Sequential>() {
            @Override
            public String name() {
                return "Sequential";
            }

            @Override
            public Class<Sequential> moduleClass() {
                return Sequential.class;
            }

            @Override
            public Map<String, Object> describe(Sequential s) {
                List<Object> layers = new ArrayList<>();
                for (Module layer : s.layers()) {
                    layers.add(LayerRegistry.describe(layer));
                }
                return Map.of("layers", layers);
            }

            @Override
            public Sequential build(LayerConfig c) {
                return new Sequential(c.layers("layers").toArray(new Module[0]));
            }

            @Override
            public long weightCount(LayerConfig c) {
                return c.layersWeightCount("layers");
            }
        });
        register(LayerType.of("Linear", Linear.class,
                c -> new Linear(c.positive("in_features"), c.positive("out_features"), c.bool("bias"),
                        Initializers.zeros(), new Random(0)),
                c -> Math.addExact(Math.multiplyExact((long) c.positive("in_features"), c.positive("out_features")),
                        c.bool("bias") ? c.positive("out_features") : 0)));
        register(LayerType.of("Activation", Activation.class, c -> new Activation(function(c)), c -> 0));
        for (ActivationLayers.Named n : ActivationLayers.all()) {
            register(namedType(n.typeName(), n.type(), n));
        }
        register(LayerType.of("Softmax", Softmax.class, c -> new Softmax(c.integer("axis")), c -> 0));
        // Training a loaded model again reseeds dropout from the trainer's seed (Module.reseed).
        register(LayerType.of("Dropout", Dropout.class, c -> new Dropout(c.number("p"), new Random(0)), c -> 0));
        register(LayerType.of("Perceptron", Perceptron.class, c -> new Perceptron(c.positive("inputs")),
                c -> c.positive("inputs") + 1L));
        for (LayerProvider provider : ServiceLoader.load(LayerProvider.class)) {
            for (LayerType<?> type : provider.layerTypes()) {
                register(type);
            }
        }
    }

    private LayerRegistry() {
    }

    /**
     * Adds a layer type; its name and its module class must be new. After this, {@link ModelFile} saves modules of
     * exactly that class under the name and rebuilds them from files. Thread-safe.
     */
    public static synchronized void register(LayerType<?> type) {
        if (type == null || type.name() == null || type.name().isBlank() || type.moduleClass() == null) {
            throw new IllegalArgumentException("LayerRegistry: a layer type needs a name and a module class, got " + type);
        }
        if (BY_NAME.containsKey(type.name())) {
            throw new IllegalArgumentException("LayerRegistry: layer type '" + type.name() + "' is already registered (for "
                    + BY_NAME.get(type.name()).moduleClass().getName() + ")");
        }
        if (BY_CLASS.containsKey(type.moduleClass())) {
            throw new IllegalArgumentException("LayerRegistry: " + type.moduleClass().getName()
                    + " is already registered as '" + BY_CLASS.get(type.moduleClass()).name() + "'");
        }
        BY_NAME.put(type.name(), type);
        BY_CLASS.put(type.moduleClass(), type);
    }

    /** The registered type names, built-ins first. */
    public static synchronized List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** The type that saves {@code module}: its class's, else the generic Activation's for any activation layer. */
    private static synchronized LayerType<?> typeOf(Module module) {
        LayerType<?> t = BY_CLASS.get(module.getClass());
        if (t == null && module instanceof Activation) {
            t = BY_CLASS.get(Activation.class);
        }
        return t;
    }

    private static synchronized LayerType<?> typeNamed(String name) {
        return BY_NAME.get(name);
    }

    /**
     * {@code {"type": ..., <description>}} for {@code module}, containers with their layers.
     *
     * @throws IllegalArgumentException for a module whose class is not registered
     */
    public static Map<String, Object> describe(Module module) {
        LayerType<?> type = typeOf(module);
        if (type == null) {
            throw new IllegalArgumentException("cannot describe layer type '" + module.typeName() + "' ("
                    + module.getClass().getName() + "): register it with LayerRegistry.register(LayerType.of(\""
                    + module.typeName() + "\", " + module.getClass().getSimpleName() + ".class, config -> ...))");
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", type.name());
        Map<String, Object> own = describeWith(type, module);
        if (own.containsKey("type")) {
            throw new IllegalArgumentException("layer type '" + type.name() + "': its description must not use the key \"type\"");
        }
        d.putAll(own);
        return d;
    }

    @SuppressWarnings("unchecked")
    private static <M extends Module> Map<String, Object> describeWith(LayerType<M> type, Module module) {
        return type.describe((M) module);
    }

    /** Rebuilds the layer {@code description} describes; {@code path} locates it in messages. */
    public static Module build(Object description, String path) {
        LayerConfig config = config(description, path);
        Module m = type(config).build(config);
        if (m == null) {
            throw config.error("was rebuilt as null by its layer type");
        }
        return m;
    }

    /** The weights {@link #build} would allocate, without building; {@link LayerType#UNKNOWN} if one cannot tell. */
    public static long weightCount(Object description, String path) {
        LayerConfig config = config(description, path);
        return type(config).weightCount(config);
    }

    private static LayerConfig config(Object description, String path) {
        if (!(description instanceof Map<?, ?> d)) {
            throw new IllegalArgumentException("architecture at " + path + " is not a JSON object");
        }
        if (!(d.get("type") instanceof String)) {
            throw new IllegalArgumentException("architecture at " + path + " has no \"type\"");
        }
        return new LayerConfig(d, path);
    }

    private static LayerType<?> type(LayerConfig config) {
        LayerType<?> t = typeNamed(config.type());
        if (t == null) {
            throw new IllegalArgumentException("unknown layer type '" + config.type() + "' at " + config.path()
                    + " (known: " + String.join(", ", names()) + "; a program's own layer joins with LayerRegistry.register)");
        }
        return t;
    }

    private static <M extends Activation> LayerType<M> namedType(String name, Class<M> type, ActivationLayers.Named n) {
        return LayerType.of(name, type, c -> type.cast(n.make().apply(namedFunction(n.entry(), c))), c -> 0);
    }

    /** The function of a named activation layer: its catalog entry with the parameters its config names. */
    private static dev.jgrad.activation.ActivationFunction namedFunction(String entry, LayerConfig c) {
        List<String> names = dev.jgrad.activation.Activations.entry(entry).parameters();
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = c.number(names.get(i));
        }
        try {
            return dev.jgrad.activation.Activations.parse(dev.jgrad.activation.Activations.spec(entry, values));
        } catch (IllegalArgumentException e) {
            throw c.error(e.getMessage());
        }
    }

    private static dev.jgrad.activation.ActivationFunction function(LayerConfig c) {
        String spec = c.string("function");
        try {
            return dev.jgrad.activation.Activations.parse(spec);
        } catch (IllegalArgumentException e) {
            throw c.error("\"function\" " + spec + ": " + e.getMessage());
        }
    }
}
