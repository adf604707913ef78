package dev.jgrad.playground.engine;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializer;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.playground.state.Catalogs;
import dev.jgrad.playground.state.Catalogs.Output;
import dev.jgrad.playground.state.PlaygroundState;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Builds the {@link Sequential} a state describes from the library's catalogs and remembers where each hidden
 * layer's activations appear in {@link Sequential#forwardTrace}: {@code [Linear, activation, (Dropout)]} per hidden
 * layer, then the output Linear, then {@code Tanh} when the output is read as tanh against +-1 labels (TF
 * Playground's choice for its squared error).
 */
record NetworkSpec(Sequential net, List<Linear> linears, int[] hiddenTrace, Output output) {

    static NetworkSpec build(PlaygroundState s, Random initRng, Random dropoutRng) {
        Initializer init = Initializers.parse(s.initializer());
        Sequential net = new Sequential();
        List<Linear> linears = new ArrayList<>();
        int[] hiddenTrace = new int[s.layers().size()];
        int in = s.features().size();
        for (int l = 0; l < s.layers().size(); l++) {
            int out = s.layers().get(l);
            Linear lin = linear(in, out, init, s.biasInit(), initRng);
            linears.add(lin);
            net.add(lin);
            net.add(Activation.of(s.activations().get(l)));
            hiddenTrace[l] = net.size() - 1;
            if (s.dropout() > 0) net.add(new Dropout((float) s.dropout(), dropoutRng));
            in = out;
        }
        Linear last = linear(in, s.outputSize(), init, s.biasInit(), initRng);
        linears.add(last);
        net.add(last);
        Output kind = Catalogs.output(s.loss(), s.problem().equals("regression"));
        if (kind == Output.TANH) net.add(new Tanh());
        return new NetworkSpec(net, linears, hiddenTrace, kind);
    }

    private static Linear linear(int in, int out, Initializer init, double bias, Random rng) {
        Linear l = new Linear(in, out, init, rng);
        if (bias != 0) Arrays.fill(l.bias().data(), (float) bias);
        return l;
    }

    /** The catalog spec of an activation layer ({@code "leaky-relu:0.1"}), or null if the module is not one. */
    static String activationSpec(dev.jgrad.nn.Module m) {
        return m instanceof Activation a ? a.function().spec() : null;
    }
}
