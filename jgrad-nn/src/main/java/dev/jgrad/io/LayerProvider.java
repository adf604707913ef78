package dev.jgrad.io;

import java.util.List;

/**
 * A jar's own layer types, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/dev.jgrad.io.LayerProvider}, and {@link LayerRegistry} registers its types the first time
 * it is used, so the command line and the playground can load models that use them without code of their own.
 */
public interface LayerProvider {

    /** The layer types to register. */
    List<LayerType<?>> layerTypes();
}
