package dev.jgrad.nn.fused;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Kernels;
import dev.jgrad.nn.Identity;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Sigmoid;
import dev.jgrad.nn.Tanh;
import dev.jgrad.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A multilayer perceptron's training step with no autograd graph and no allocation: forward and backward of
 * {@code Linear -> activation -> ... -> Linear [-> activation]} written out by hand on the kernels, with
 * every buffer sized on the first step and reused after. This is the seeds' "hand-vectorized backprop",
 * kept as an optimization behind the same modules: it reads and writes the very parameters and gradient
 * buffers that {@link Tensor#backward()} would, and its tests check it against the autograd composition.
 *
 * <p>Not thread-safe: one instance per training loop.
 */
public final class FusedMlp {

    /** The elementwise activations the fused step knows, with their derivatives. */
    enum Activation { IDENTITY, RELU, LEAKY_RELU, TANH, SIGMOID }

    private record Layer(Linear linear, Activation activation, float alpha) {
    }

    private final List<Layer> layers;
    private final Kernels k;
    private int capacity;
    // Per layer: pre-activations z, activations a (the same array for IDENTITY), and dL/da.
    private float[][] z;
    private float[][] a;
    private float[][] grad;

    /**
     * Products of at most this many multiply-adds (and in the backward pass any product with at most
     * {@link #DIRECT_MAX_ROWS} rows) run as dot products and axpys on the kernels instead of a GEMM: a packed GEMM
     * packs its operands on every call, which for the playground's 8-wide layers or a batch-1 weight gradient
     * costs more than the product itself. The forward pass of a few rows through a big layer goes to the
     * kernels' GEMM, which has its own unpacked path for few rows (blocked, and on two threads).
     */
    static final long DIRECT_MAX_MACS = 16 * 1024;
    static final int DIRECT_MAX_ROWS = 4;

    private static boolean direct(int n, int inF, int outF) {
        return n <= DIRECT_MAX_ROWS || (long) n * inF * outF <= DIRECT_MAX_MACS;
    }

    /** Below this length a plain loop beats a kernel call (the SIMD kernels' vectors are 8 or 16 floats wide). */
    private static final int SHORT = 32;

    private float dot(float[] x, int xOff, float[] y, int yOff, int len) {
        if (len >= SHORT) {
            return k.dot(x, xOff, y, yOff, len);
        }
        float s = 0f;
        for (int i = 0; i < len; i++) {
            s += x[xOff + i] * y[yOff + i];
        }
        return s;
    }

    private void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int len) {
        if (len >= SHORT) {
            k.axpy(alpha, x, xOff, y, yOff, len);
            return;
        }
        for (int i = 0; i < len; i++) {
            y[yOff + i] += alpha * x[xOff + i];
        }
    }

    /** z[r, :] += b for every row; narrow rows (the playground's 8 units) in a plain loop. */
    private void addBias(float[] z, int n, int width, float[] b) {
        if (width >= SHORT) {
            k.addRowVector(z, 0, n, width, b, 0);
            return;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                z[r * width + j] += b[j];
            }
        }
    }

    /** out[j] += sum over rows of m[r, j]; narrow rows in a plain loop. */
    private void addColumnSums(float[] m, int n, int width, float[] out) {
        if (width >= SHORT) {
            k.sumRows(m, 0, n, width, out, 0);
            return;
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < width; j++) {
                out[j] += m[r * width + j];
            }
        }
    }

    private FusedMlp(List<Layer> layers) {
        this.layers = layers;
        this.k = Backend.kernels();
    }

    /**
     * The fused form of {@code model} if it is a stack of {@link Linear} layers each optionally followed by one
     * of ReLU, LeakyReLU, Tanh, Sigmoid or Identity; empty otherwise (the caller falls back to autograd).
     */
    public static Optional<FusedMlp> compile(Sequential model) {
        List<Layer> out = new ArrayList<>();
        List<Module> mods = model.layers();
        for (int i = 0; i < mods.size(); i++) {
            if (!(mods.get(i) instanceof Linear lin)) {
                return Optional.empty();
            }
            Activation act = Activation.IDENTITY;
            float alpha = 0f;
            if (i + 1 < mods.size() && !(mods.get(i + 1) instanceof Linear)) {
                Module m = mods.get(++i);
                if (m instanceof ReLU) {
                    act = Activation.RELU;
                } else if (m instanceof LeakyReLU l) {
                    act = Activation.LEAKY_RELU;
                    alpha = l.alpha();
                } else if (m instanceof Tanh) {
                    act = Activation.TANH;
                } else if (m instanceof Sigmoid) {
                    act = Activation.SIGMOID;
                } else if (!(m instanceof Identity)) {
                    return Optional.empty();
                }
            }
            if (!out.isEmpty() && out.get(out.size() - 1).linear().outFeatures() != lin.inFeatures()) {
                return Optional.empty();
            }
            out.add(new Layer(lin, act, alpha));
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(new FusedMlp(List.copyOf(out)));
    }

    public int inputs() {
        return layers.get(0).linear().inFeatures();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).linear().outFeatures();
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) {
            return;
        }
        int L = layers.size();
        z = new float[L][];
        a = new float[L][];
        grad = new float[L][];
        for (int l = 0; l < L; l++) {
            Layer layer = layers.get(l);
            int width = layer.linear().outFeatures();
            z[l] = new float[n * width];
            a[l] = layer.activation() == Activation.IDENTITY ? z[l] : new float[n * width];
            grad[l] = new float[n * width];
        }
        capacity = n;
    }

    /**
     * The network's output for {@code n} rows of {@code x} (row-major, [n, inputs]). The returned array is an
     * internal buffer, valid until the next call; its first {@code n * outputs()} values are the output.
     */
    public float[] forward(float[] x, int n) {
        if (x.length < n * inputs()) {
            throw new IllegalArgumentException("FusedMlp: input has " + x.length + " values, need " + n + " x " + inputs());
        }
        ensureCapacity(n);
        float[] in = x;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            Linear lin = layer.linear();
            int inF = lin.inFeatures();
            int outF = lin.outFeatures();
            if ((long) n * inF * outF <= DIRECT_MAX_MACS) { // few rows of a big layer: the kernels' small-m GEMM
                float[] w = lin.weight().data();
                float[] zl = z[l];
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < outF; j++) {
                        zl[r * outF + j] = dot(in, r * inF, w, j * inF, inF);
                    }
                }
            } else {
                k.gemm(false, true, n, outF, inF, 1f, in, 0, inF, lin.weight().data(), 0, inF, 0f, z[l], 0, outF);
            }
            if (lin.bias() != null) {
                addBias(z[l], n, outF, lin.bias().data());
            }
            activate(layer, z[l], a[l], n * outF);
            in = a[l];
        }
        return a[layers.size() - 1];
    }

    /** The output buffer of the last {@link #forward} or {@link #trainStep}; valid until the next call. */
    public float[] forwardOutputBuffer() {
        return a == null ? null : a[layers.size() - 1];
    }

    private void activate(Layer layer, float[] zl, float[] al, int len) {
        switch (layer.activation()) {
            case IDENTITY -> { }
            case RELU -> k.relu(zl, 0, al, 0, len);
            case TANH -> k.tanh(zl, 0, al, 0, len);
            case SIGMOID -> k.sigmoid(zl, 0, al, 0, len);
            case LEAKY_RELU -> {
                float alpha = layer.alpha();
                for (int i = 0; i < len; i++) {
                    float v = zl[i];
                    al[i] = v > 0 ? v : alpha * v;
                }
            }
        }
    }

    /**
     * One forward and backward pass: returns the loss and ADDS each parameter's gradient into its
     * {@link Tensor#gradData()} buffer, as {@code loss.backward()} would (call {@code zeroGrad} first).
     *
     * @param x      [n, inputs] row-major
     * @param n      the number of rows in this batch
     * @param target the loss's target for the same rows
     */
    public float trainStep(float[] x, int n, FusedLoss loss, FusedLoss.Target target) {
        float[] out = forward(x, n);
        int last = layers.size() - 1;
        float value = loss.valueAndGradient(out, n, outputs(), target, grad[last]);
        for (int l = last; l >= 0; l--) {
            Layer layer = layers.get(l);
            Linear lin = layer.linear();
            int inF = lin.inFeatures();
            int outF = lin.outFeatures();
            int len = n * outF;
            float[] dz = activationBackward(layer, z[l], a[l], grad[l], len);
            float[] in = l == 0 ? x : a[l - 1];
            // dW += dz^T a_prev ; db += column sums of dz ; dA_prev = dz W
            boolean direct = direct(n, inF, outF);
            if (direct) {
                float[] dw = lin.weight().gradData();
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < outF; j++) {
                        axpy(dz[r * outF + j], in, r * inF, dw, j * inF, inF);
                    }
                }
            } else {
                k.gemm(true, false, outF, inF, n, 1f, dz, 0, outF, in, 0, inF, 1f, lin.weight().gradData(), 0, inF);
            }
            if (lin.bias() != null) {
                addColumnSums(dz, n, outF, lin.bias().gradData());
            }
            if (l > 0 && direct) {
                float[] w = lin.weight().data();
                float[] gp = grad[l - 1];
                java.util.Arrays.fill(gp, 0, n * inF, 0f);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < outF; j++) {
                        axpy(dz[r * outF + j], w, j * inF, gp, r * inF, inF);
                    }
                }
            } else if (l > 0) {
                k.gemm(false, false, n, inF, outF, 1f, dz, 0, outF, lin.weight().data(), 0, inF, 0f, grad[l - 1], 0, inF);
            }
        }
        return value;
    }

    /** dL/dz from dL/da, computed in place in the dL/da buffer. */
    private float[] activationBackward(Layer layer, float[] zl, float[] al, float[] ga, int len) {
        switch (layer.activation()) {
            case IDENTITY -> {
                return ga;
            }
            case RELU -> k.reluBackward(al, 0, ga, 0, len);
            case LEAKY_RELU -> {
                float alpha = layer.alpha();
                for (int i = 0; i < len; i++) {
                    if (zl[i] <= 0f) {
                        ga[i] *= alpha;
                    }
                }
            }
            case TANH -> {
                for (int i = 0; i < len; i++) {
                    ga[i] *= 1f - al[i] * al[i];
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < len; i++) {
                    ga[i] *= al[i] * (1f - al[i]);
                }
            }
        }
        return ga;
    }
}
