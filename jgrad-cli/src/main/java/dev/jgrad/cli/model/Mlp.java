package dev.jgrad.cli.model;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.init.Initializer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron as {@code --layers 784,256,128,10} describes it: Linear layers between consecutive
 * widths, the activation after every hidden layer, and the output layer as the loss needs it (logits, or a Sigmoid
 * for the quadratic cost).
 */
public final class Mlp {

    private Mlp() {
    }

    /** Parses {@code "784,256,128,10"}: at least two positive widths (input and output). */
    public static int[] parseLayers(String text) {
        String[] parts = text.split(",");
        if (parts.length < 2) {
            throw new IllegalArgumentException("--layers needs at least an input and an output width, e.g. 784,128,10; got '"
                    + text + "'");
        }
        int[] widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                widths[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--layers: '" + parts[i].trim() + "' (item " + (i + 1)
                        + ") is not a whole number; expected widths like 784,256,128,10");
            }
            if (widths[i] <= 0) {
                throw new IllegalArgumentException("--layers: item " + (i + 1) + " is " + widths[i]
                        + "; widths must be positive");
            }
        }
        return widths;
    }

    /** The MLP of {@code widths}, its Linear layers initialized by {@code init} (weights, then bias) from {@code rng}. */
    public static Sequential build(int[] widths, ActivationFunction activation, Output output, Initializer init, Random rng) {
        Sequential net = new Sequential();
        for (int i = 0; i + 1 < widths.length; i++) {
            net.add(new Linear(widths[i], widths[i + 1], init, rng));
            if (i + 2 < widths.length) {
                net.add(Activation.of(activation));
            }
        }
        if (output == Output.SIGMOID) {
            net.add(new Sigmoid());
        }
        return net;
    }

    /** The widths of a stack of Linear layers: in of the first, then out of each; empty if there is none. */
    public static int[] widths(Module model) {
        List<Integer> w = new ArrayList<>();
        collect(model, w);
        return w.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void collect(Module m, List<Integer> w) {
        if (m instanceof Linear l) {
            if (w.isEmpty()) {
                w.add(l.inFeatures());
            }
            w.add(l.outFeatures());
        } else if (m instanceof Sequential s) {
            for (Module layer : s.layers()) {
                collect(layer, w);
            }
        }
    }

    /** {@code 784-256-128-10}. */
    public static String describe(int[] widths) {
        return String.join("-", Arrays.stream(widths).mapToObj(Integer::toString).toList());
    }
}
