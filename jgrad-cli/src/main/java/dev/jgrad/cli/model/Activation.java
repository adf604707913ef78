package dev.jgrad.cli.model;

import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;

import java.util.Locale;

/** The hidden-layer activations {@code --activation} offers. */
public enum Activation {
    RELU, TANH, SIGMOID, LEAKY_RELU, GELU, LINEAR;

    /** The command-line spelling, e.g. {@code leaky-relu}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public Module create() {
        return switch (this) {
            case RELU -> new ReLU();
            case TANH -> new Tanh();
            case SIGMOID -> new Sigmoid();
            case LEAKY_RELU -> new LeakyReLU(0.01f);
            case GELU -> new GELU();
            case LINEAR -> new Identity();
        };
    }

    /** The catalog spec of the layer {@link #create()} builds, e.g. {@code leaky-relu:0.01}, as model cards record it. */
    public String spec() {
        return ((dev.jgrad.nn.Activation) create()).function().spec();
    }

    /** Parses {@link #id()} (any case, {@code _} or {@code -}). */
    public static Activation parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Activation a : values()) {
            if (a.id().equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + s + "'; choose one of relu, tanh, sigmoid, "
                + "leaky-relu, gelu, linear");
    }
}
