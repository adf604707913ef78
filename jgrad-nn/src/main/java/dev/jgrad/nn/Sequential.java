package dev.jgrad.nn;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.tensor.Workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Layers applied in order: {@code forward(x) = layer_{k-1}(... layer_0(x))}. Layer {@code i} is registered
 * under the name {@code "i"}, so its parameters are {@code "i.weight"}, {@code "i.bias"}.
 */
public final class Sequential extends Module {

    private final List<Module> layers = new ArrayList<>();
    private final Workspace workspace = new Workspace();

    public Sequential(Module... layers) {
        for (Module m : layers) {
            add(m);
        }
    }

    /** Appends a layer. Returns this. */
    public Sequential add(Module layer) {
        Checks.notNull("Sequential", "layer " + layers.size(), layer);
        registerModule(Integer.toString(layers.size()), layer);
        layers.add(layer);
        return this;
    }

    public Module get(int index) {
        if (index < 0 || index >= layers.size()) {
            throw new IndexOutOfBoundsException("Sequential: layer " + index + " of " + layers.size());
        }
        return layers.get(index);
    }

    public int size() {
        return layers.size();
    }

    /** The layers in order (read-only). */
    public List<Module> layers() {
        return List.copyOf(layers);
    }

    /**
     * The layers in order; each {@link Linear} runs fused with the {@link Activation} right after it, and the
     * intermediate results live in this stack's {@link Workspace}, reused from step to step once backward has run
     * (or at once under {@code noGrad}). The returned tensor is always the caller's own.
     */
    @Override
    public Tensor forward(Tensor x) {
        Workspace.Lease lease = workspace.acquire();
        Tensor h = x;
        try {
            for (int i = 0; i < layers.size(); i++) {
                Module layer = layers.get(i);
                if (layer instanceof Linear linear) {
                    int at = i;
                    ActivationFunction f = Activations.IDENTITY;
                    if (i + 1 < layers.size() && layers.get(i + 1) instanceof Activation a) {
                        f = a.function();
                        i++;
                    }
                    h = linear.forward(h, f, lease, at, i + 1 < layers.size());
                } else {
                    h = layer.forward(h);
                }
            }
        } catch (RuntimeException e) {
            lease.release();
            throw e;
        }
        if (h.isLeased()) {
            h = h.copy(); // a layer after the last Linear passed the workspace buffer through (Identity)
        }
        if (!h.requiresGrad()) {
            lease.release(); // no graph holds the intermediates: the next pass may reuse them now
        }
        return h;
    }

    /**
     * How {@link #forward} runs the layers, e.g. {@code "Linear+relu, Linear+relu, Linear"} or
     * {@code "Linear, Dropout, ReLU"}: the fused pairs, and each other layer by its type.
     */
    public String fusionPlan() {
        StringJoiner plan = new StringJoiner(", ");
        for (int i = 0; i < layers.size(); i++) {
            Module layer = layers.get(i);
            if (layer instanceof Linear && i + 1 < layers.size() && layers.get(i + 1) instanceof Activation a) {
                plan.add("Linear+" + a.function().spec());
                i++;
            } else {
                plan.add(layer.typeName());
            }
        }
        return plan.toString();
    }

    /** Every layer's output in order (element i is layer i's output), e.g. for plotting hidden activations. */
    public List<Tensor> forwardTrace(Tensor x) {
        List<Tensor> outputs = new ArrayList<>(layers.size());
        Tensor h = x;
        for (Module layer : layers) {
            h = layer.forward(h);
            outputs.add(h);
        }
        return outputs;
    }
}
