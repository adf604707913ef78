package dev.jgrad.io;

import dev.jgrad.nn.Module;

import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * How one layer type is written into a model file's architecture and rebuilt from it: the type name in the file
 * ({@code "Linear"}), the module class, the layer's description (by default its {@link Module#config()}, the
 * constructor hyperparameters) and a factory that rebuilds the layer from that description. The weights are not
 * part of the description: the file holds them separately and copies them into the rebuilt layer.
 *
 * <p>Register a type with {@link LayerRegistry#register}; see {@code docs/model-format.md}.
 *
 * @param <M> the module class
 */
public interface LayerType<M extends Module> {

    /** Returned by {@link #weightCount} when the count is only known once the layer is built. */
    long UNKNOWN = -1;

    /** The {@code "type"} written in the file, e.g. {@code "Linear"}; unique in the registry. */
    String name();

    /** The module class this type saves (exactly this class; see {@link LayerRegistry#describe}). */
    Class<M> moduleClass();

    /** The layer's JSON-able description, without {@code "type"}; by default {@link Module#config()}. */
    default Map<String, Object> describe(M module) {
        return module.config();
    }

    /** A new layer with the described hyperparameters (its weights are overwritten from the file afterwards). */
    M build(LayerConfig config);

    /**
     * The number of weights {@link #build} would allocate, computed without building, so a damaged or hostile
     * header is refused before memory is spent on it; {@link #UNKNOWN} if it cannot be told (the layer is then
     * built and counted). Every built-in type knows its count.
     */
    default long weightCount(LayerConfig config) {
        return UNKNOWN;
    }

    /** A type described by {@link Module#config()} and rebuilt by {@code build}; holds no weights or counts them itself. */
    static <M extends Module> LayerType<M> of(String name, Class<M> moduleClass, Function<LayerConfig, M> build) {
        return of(name, moduleClass, build, c -> UNKNOWN);
    }

    /** As {@link #of(String, Class, Function)}, with the weight count computed from the description. */
    static <M extends Module> LayerType<M> of(String name, Class<M> moduleClass, Function<LayerConfig, M> build,
                                              ToLongFunction<LayerConfig> weightCount) {
        if (name == null || name.isBlank() || moduleClass == null || build == null || weightCount == null) {
            throw new IllegalArgumentException("LayerType: name, module class, build and weightCount must be given");
        }
        return new LayerType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Class<M> moduleClass() {
                return moduleClass;
            }

            @Override
            public M build(LayerConfig config) {
                return build.apply(config);
            }

            @Override
            public long weightCount(LayerConfig config) {
                return weightCount.applyAsLong(config);
            }

            @Override
            public String toString() {
                return "LayerType(" + name + ", " + moduleClass.getName() + ")";
            }
        };
    }
}
