package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Layers applied in order: {@code forward(x) = layer_{k-1}(... layer_0(x))}. Layer {@code i} is registered
 * under the name {@code "i"}, so its parameters are {@code "i.weight"}, {@code "i.bias"}.
 */
public final class Sequential extends Module {

    private final List<Module> layers = new ArrayList<>();

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

    @Override
    public Tensor forward(Tensor x) {
        Tensor h = x;
        for (Module layer : layers) {
            h = layer.forward(h);
        }
        return h;
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
