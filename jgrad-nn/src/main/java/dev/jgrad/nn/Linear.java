package dev.jgrad.nn;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.nn.init.Initializer;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.tensor.Workspace;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A fully connected layer: {@code z = x W^T + b}.
 *
 * <ul>
 *   <li>input {@code x}: {@code [n, in]} (a single sample {@code [in]} is accepted and gives {@code [out]})</li>
 *   <li>{@link #weight()} {@code W}: {@code [out, in]} (one row per output unit, as in PyTorch and the notes' W1)</li>
 *   <li>{@link #bias()} {@code b}: {@code [out]}, or null without bias</li>
 *   <li>output {@code z}: {@code [n, out]}</li>
 * </ul>
 *
 * <p>Default initialization: weight Glorot-uniform (U(-l, l), l = sqrt(6/(in+out)), variance 2/(in+out) as in
 * the notes), bias zeros. There is no constructor without a {@link Random}: weights are always reproducible.
 * The forward pass is one fused {@link Tensor#linear} call; inside a {@link Sequential}, with the activation that
 * follows it too.
 */
public final class Linear extends Module {

    private final int inFeatures;
    private final int outFeatures;
    private final Parameter weight;
    private final Parameter bias;

    /** A layer with bias, Glorot-uniform weights and zero bias, drawn from {@code rng}. */
    public Linear(int in, int out, Random rng) {
        this(in, out, Initializers.glorotUniform(), rng);
    }

    /** A layer with bias; {@code init} fills the weight, then the bias (zero for all but {@code torch}). */
    public Linear(int in, int out, Initializer init, Random rng) {
        this(in, out, true, init, rng);
    }

    /** The general form; {@code bias=false} drops b (the notes' 3-layer MLP has none). */
    public Linear(int in, int out, boolean bias, Initializer init, Random rng) {
        this.inFeatures = Checks.positive("Linear", "in_features", in);
        this.outFeatures = Checks.positive("Linear", "out_features", out);
        Checks.notNull("Linear", "init", init);
        Checks.notNull("Linear", "rng", rng);
        this.weight = registerParameter("weight", Parameter.zeros(out, in));
        init.initialize(weight, in, out, rng);
        this.bias = bias ? registerParameter("bias", Parameter.zeros(out)) : null;
        if (bias) {
            init.initializeBias(this.bias, in, out, rng);
        }
    }

    @Override
    public Tensor forward(Tensor x) {
        return forward(x, Activations.IDENTITY, null, 0, false);
    }

    /**
     * {@code f(x W^T + b)} in one fused op; with a lease (from the enclosing {@link Sequential}), as layer
     * {@code layer} of that pass, its output in the lease when {@code intermediate}.
     */
    Tensor forward(Tensor x, ActivationFunction f, Workspace.Lease lease, int layer, boolean intermediate) {
        if (x.dim() == 1 && x.size(0) == inFeatures) {
            return Tensor.linear(x.reshape(1, inFeatures), weight, bias, f).reshape(outFeatures);
        }
        if (x.dim() != 2 || x.size(1) != inFeatures) {
            throw new IllegalArgumentException("Linear(in_features=" + inFeatures + ", out_features=" + outFeatures
                    + "): expected input [n, " + inFeatures + "], got " + Arrays.toString(x.shape()));
        }
        return lease == null ? Tensor.linear(x, weight, bias, f) : lease.linear(x, weight, bias, f, layer, intermediate);
    }

    /** W, shape {@code [out, in]}. */
    public Parameter weight() {
        return weight;
    }

    /** b, shape {@code [out]}, or null for a layer without bias. */
    public Parameter bias() {
        return bias;
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("in_features", inFeatures);
        c.put("out_features", outFeatures);
        c.put("bias", bias != null);
        return c;
    }
}
