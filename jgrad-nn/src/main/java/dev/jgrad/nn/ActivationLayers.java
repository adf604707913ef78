package dev.jgrad.nn;

import dev.jgrad.activation.ActivationFunction;

import java.util.List;
import java.util.function.Function;

/**
 * The activation layers with a class of their own, under the names PyTorch users know: the one table that says
 * which catalog entry each stands for. {@link Activation#of} makes them from a catalog function, and the model
 * files' layer registry saves and rebuilds them under their type names (their parameters under the catalog's
 * parameter names, e.g. LeakyReLU's {@code alpha}). Every other catalog activation is the generic
 * {@link Activation} layer, so a new activation needs no entry here, only one in the catalog.
 */
public final class ActivationLayers {

    /**
     * A named layer class: the catalog {@code entry} it stands for, its {@code typeName} in model files, its class,
     * and how to make it for a function of that entry.
     */
    public record Named(String entry, String typeName, Class<? extends Activation> type,
                        Function<ActivationFunction, Activation> make) {
    }

    private static final List<Named> ALL = List.of(
            new Named("relu", "ReLU", ReLU.class, f -> new ReLU()),
            new Named("tanh", "Tanh", Tanh.class, f -> new Tanh()),
            new Named("sigmoid", "Sigmoid", Sigmoid.class, f -> new Sigmoid()),
            new Named("identity", "Identity", Identity.class, f -> new Identity()),
            new Named("gelu", "GELU", GELU.class, f -> new GELU()),
            new Named("step", "Step", Step.class, f -> new Step()),
            new Named("leaky-relu", "LeakyReLU", LeakyReLU.class, f -> new LeakyReLU(-f.value(-1))));

    private ActivationLayers() {
    }

    /** Every named activation layer. */
    public static List<Named> all() {
        return ALL;
    }

    /** The named layer for a function of catalog entry {@code entry}, or null if the entry has none. */
    static Named forEntry(String entry) {
        for (Named n : ALL) {
            if (n.entry().equals(entry)) {
                return n;
            }
        }
        return null;
    }
}
