package dev.jgrad.playground.engine;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.GELU;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Step;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializer;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.playground.state.PlaygroundState;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds the {@link Sequential} a state describes and remembers where each hidden layer's activations appear in
 * {@link Sequential#forwardTrace}: {@code [Linear, activation, (Dropout)]} per hidden layer, then the output Linear,
 * then {@code Tanh} when the output is trained with squared error / Huber against +-1 labels (TF Playground's choice).
 */
record NetworkSpec(Sequential net, List<Linear> linears, int[] hiddenTrace, OutputKind output) {

    /** How the last layer's values are read. */
    enum OutputKind {
        /** tanh in [-1, 1] against +-1 labels (squared error or Huber). */
        TANH,
        /** a raw score: regression, or hinge against +-1. */
        SCORE,
        /** a logit for class 1 (binary cross-entropy). */
        LOGIT,
        /** k logits (softmax cross-entropy). */
        LOGITS
    }

    static NetworkSpec build(PlaygroundState s, Random initRng, Random dropoutRng) {
        Initializer init = initializer(s.initializer());
        Sequential net = new Sequential();
        List<Linear> linears = new ArrayList<>();
        int[] hiddenTrace = new int[s.layers().size()];
        int in = s.features().size();
        for (int l = 0; l < s.layers().size(); l++) {
            int out = s.layers().get(l);
            Linear lin = new Linear(in, out, init, initRng);
            linears.add(lin);
            net.add(lin);
            net.add(activation(s.activations().get(l)));
            hiddenTrace[l] = net.size() - 1;
            if (s.dropout() > 0) net.add(new Dropout((float) s.dropout(), dropoutRng));
            in = out;
        }
        Linear last = new Linear(in, s.outputSize(), init, initRng);
        linears.add(last);
        net.add(last);
        OutputKind kind = outputKind(s);
        if (kind == OutputKind.TANH) net.add(new Tanh());
        return new NetworkSpec(net, linears, hiddenTrace, kind);
    }

    static OutputKind outputKind(PlaygroundState s) {
        if (s.problem().equals("regression")) return OutputKind.SCORE;
        return switch (s.loss()) {
            case "mse", "huber" -> OutputKind.TANH;
            case "hinge" -> OutputKind.SCORE;
            case "bce" -> OutputKind.LOGIT;
            default -> OutputKind.LOGITS;
        };
    }

    static Module activation(String name) {
        return switch (name) {
            case "relu" -> new ReLU();
            case "tanh" -> new Tanh();
            case "sigmoid" -> new Sigmoid();
            case "linear" -> new Identity();
            case "leakyrelu" -> new LeakyReLU(0.01f);
            case "gelu" -> new GELU();
            case "step" -> new Step();
            default -> throw new IllegalArgumentException("activation: unknown '" + name + "'");
        };
    }

    /** The playground's name for an activation module, or null if it is not one. */
    static String activationName(Module m) {
        if (m instanceof ReLU) return "relu";
        if (m instanceof Tanh) return "tanh";
        if (m instanceof Sigmoid) return "sigmoid";
        if (m instanceof Identity) return "linear";
        if (m instanceof LeakyReLU) return "leakyrelu";
        if (m instanceof GELU) return "gelu";
        if (m instanceof Step) return "step";
        return null;
    }

    static Initializer initializer(String name) {
        return switch (name) {
            case "glorot" -> Initializers.glorotUniform();
            case "he" -> Initializers.heUniform();
            // TF Playground draws every weight uniformly from [-0.5, 0.5].
            case "uniform" -> Initializers.uniform(-0.5f, 0.5f);
            case "zero" -> Initializers.zeros();
            default -> throw new IllegalArgumentException("initializer: unknown '" + name + "'");
        };
    }
}
