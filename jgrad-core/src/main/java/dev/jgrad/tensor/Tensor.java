package dev.jgrad.tensor;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.backend.Backend;
import dev.jgrad.backend.Kernels;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A float32 n-dimensional array that can record how it was computed and back-propagate gradients.
 *
 * <p>Storage is a {@code float[]} on the heap with an offset, a shape and strides; {@link #reshape},
 * {@link #transpose} and {@link #rows} return views that share storage. Binary ops broadcast like numpy.
 *
 * <p>Autograd is define-by-run: when any input {@link #requiresGrad()} (and grad mode is on, see
 * {@link #noGrad()}), an op's result remembers its inputs and its local gradient rule, written next to its
 * forward in the op classes ({@link UnaryOps}, {@link BinaryOps}, {@link ReduceOps}, {@link ShapeOps},
 * {@link LinalgOps}, {@link IndexOps}). {@link #backward()} sorts that graph topologically and runs each rule
 * once, in reverse.
 */
public class Tensor {

    final float[] data;
    final int offset;
    final int[] shape;
    final int[] strides;

    private boolean requiresGrad;
    private Tensor grad;
    /**
     * {@link #zeroGrad()} was called and {@code grad}'s values are stale: they read as zeros. The fill is deferred
     * so that the next backward can overwrite the buffer (a GEMM with beta 0 never reads it) instead of zeroing it
     * and then adding into it: two passes over every weight gradient per training step saved.
     */
    private boolean gradZeroed;
    private String name;

    // The graph: which op made this tensor, from which inputs, and its local gradient rule.
    private final String op;
    private final Tensor[] parents;
    private final Backward backward;

    // Set on intermediate results whose storage belongs to a Workspace lease (see Workspace): the gradient lives
    // in the lease too, and both go back to the workspace once backward has run through the graph.
    private Workspace.Lease lease;
    private int gradSlot;

    /** A leaf tensor over {@code data} (not copied) with a contiguous layout; for subclasses like parameters. */
    protected Tensor(float[] data, int[] shape) {
        this(data, 0, Shapes.checked("tensor", shape), null, "leaf", null, null);
        if (data.length != Shapes.numel(shape)) {
            throw new IllegalArgumentException("tensor: " + data.length + " values do not fill shape " + Shapes.str(shape));
        }
    }

    Tensor(float[] data, int offset, int[] shape, int[] strides, String op, Tensor[] parents, Backward backward) {
        this.data = data;
        this.offset = offset;
        this.shape = shape;
        this.strides = strides == null ? Shapes.contiguousStrides(shape) : strides;
        this.op = op;
        this.parents = parents;
        this.backward = backward;
        this.requiresGrad = parents != null;
    }

    /**
     * The result of an op. It records its inputs and backward rule only when grad mode is on and some input
     * requires a gradient; otherwise it is a plain constant.
     */
    static Tensor result(float[] data, int[] shape, String op, Backward backward, Tensor... inputs) {
        return view(data, 0, shape, null, op, backward, inputs);
    }

    static Tensor view(float[] data, int offset, int[] shape, int[] strides, String op, Backward backward,
                       Tensor... inputs) {
        if (backward != null && GradMode.enabled()) {
            for (Tensor t : inputs) {
                if (t.requiresGrad) {
                    return new Tensor(data, offset, shape, strides, op, inputs, backward);
                }
            }
        }
        return new Tensor(data, offset, shape, strides, op, null, null);
    }

    static Kernels kernels() {
        return Backend.kernels();
    }

    /**
     * The result of a user-defined op: {@code values} (taken, not copied) in {@code shape}, and the rule that
     * back-propagates through it. The rule receives the output, whose {@link #grad()} holds dL/dout, and adds
     * dL/dinput into each input that {@link #requiresGrad()}, for example through {@link #gradData()}. The graph
     * is recorded only when grad mode is on and some input requires a gradient, as for the built-in ops.
     */
    public static Tensor fromOp(String op, float[] values, int[] shape, Backward rule, Tensor... inputs) {
        int[] s = Shapes.checked(op, shape);
        if (values.length != Shapes.numel(s)) {
            throw new IllegalArgumentException(op + ": " + values.length + " values do not fill shape " + Shapes.str(s));
        }
        return result(values, s, op, rule, inputs);
    }

    /** Marks this op result as living in {@code lease}, its gradient in the lease's {@code gradSlot}. */
    Tensor leased(Workspace.Lease lease, int gradSlot) {
        this.lease = lease;
        this.gradSlot = gradSlot;
        return this;
    }

    /** Whether this tensor's storage belongs to a workspace lease (an intermediate of a layer stack). */
    public boolean isLeased() {
        return lease != null;
    }

    private void checkLive(String what) {
        if (lease != null && lease.released()) {
            throw new IllegalStateException(what + ": this intermediate result of '" + op + "' was freed by backward()"
                    + " (its buffers are reused by the next step, as PyTorch frees a graph after backward); read it"
                    + " before backward, or keep a copy()");
        }
    }

    // ---------------------------------------------------------------- creation

    /** A tensor holding a copy of {@code values}, laid out row-major in {@code shape}. */
    public static Tensor of(float[] values, int... shape) {
        int[] s = Shapes.checked("of", shape);
        if (values.length != Shapes.numel(s)) {
            throw new IllegalArgumentException("of: " + values.length + " values do not fill shape " + Shapes.str(s)
                    + " (" + Shapes.numel(s) + " elements)");
        }
        return new Tensor(values.clone(), 0, s, null, "leaf", null, null);
    }

    /**
     * A tensor over {@code values} without copying: later writes to the array show in the tensor. For batches
     * gathered into a reused buffer; the tensor must not be used after the array is refilled.
     */
    public static Tensor wrap(float[] values, int... shape) {
        int[] s = Shapes.checked("wrap", shape);
        if (values.length != Shapes.numel(s)) {
            throw new IllegalArgumentException("wrap: " + values.length + " values do not fill shape " + Shapes.str(s)
                    + " (" + Shapes.numel(s) + " elements)");
        }
        return new Tensor(values, 0, s, null, "leaf", null, null);
    }

    /** A 1-D tensor of the given values. */
    public static Tensor vector(float... values) {
        return of(values, values.length);
    }

    /** A 2-D tensor from rows of equal length. */
    public static Tensor matrix(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("matrix: row " + r + " has " + rows[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, flat, r * cols, cols);
        }
        return new Tensor(flat, 0, new int[]{rows.length, cols}, null, "leaf", null, null);
    }

    /** A 0-d tensor: the seeds' scalar graphs are built from these. */
    public static Tensor scalar(float value) {
        return new Tensor(new float[]{value}, 0, new int[0], null, "leaf", null, null);
    }

    public static Tensor zeros(int... shape) {
        int[] s = Shapes.checked("zeros", shape);
        return new Tensor(new float[Shapes.numel(s)], 0, s, null, "leaf", null, null);
    }

    public static Tensor ones(int... shape) {
        return full(1f, shape);
    }

    public static Tensor full(float value, int... shape) {
        int[] s = Shapes.checked("full", shape);
        float[] d = new float[Shapes.numel(s)];
        Arrays.fill(d, value);
        return new Tensor(d, 0, s, null, "leaf", null, null);
    }

    /** 0, 1, ..., n-1 as a 1-D tensor. */
    public static Tensor arange(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("arange: n must be >= 0, got " + n);
        }
        float[] d = new float[n];
        for (int i = 0; i < n; i++) {
            d[i] = i;
        }
        return new Tensor(d, 0, new int[]{n}, null, "leaf", null, null);
    }

    /** Uniform values in [0, 1) drawn from {@code rng} (an explicit generator: there is no global one). */
    public static Tensor rand(Random rng, int... shape) {
        return uniform(rng, 0f, 1f, shape);
    }

    /** Uniform values in [lo, hi) drawn from {@code rng}. */
    public static Tensor uniform(Random rng, float lo, float hi, int... shape) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("uniform: need lo < hi, got [" + lo + ", " + hi + ")");
        }
        int[] s = Shapes.checked("uniform", shape);
        float[] d = new float[Shapes.numel(s)];
        for (int i = 0; i < d.length; i++) {
            d[i] = lo + (hi - lo) * rng.nextFloat();
        }
        return new Tensor(d, 0, s, null, "leaf", null, null);
    }

    /** Standard normal values drawn from {@code rng}. */
    public static Tensor randn(Random rng, int... shape) {
        int[] s = Shapes.checked("randn", shape);
        float[] d = new float[Shapes.numel(s)];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) rng.nextGaussian();
        }
        return new Tensor(d, 0, s, null, "leaf", null, null);
    }

    /** Rows of one-hot vectors: row i has a 1 at column {@code labels[i]}. */
    public static Tensor oneHot(int[] labels, int classes) {
        return IndexOps.oneHot(labels, classes);
    }

    /** Joins tensors along an existing axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return IndexOps.concat(axis, tensors);
    }

    /** {@code x @ weight^T + bias}: a fully connected layer in one fused op. weight is [out, in], bias [out] or null. */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        return LinalgOps.linear(x, weight, bias);
    }

    /**
     * {@code f(x @ weight^T + bias)}: a fully connected layer and its activation in one fused op (one GEMM, bias and
     * activation in place; backward the activation's derivative in place and two GEMMs).
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias, ActivationFunction f) {
        return ActivationOps.linear(x, weight, bias, f, null, 0, false);
    }

    /** Turns off graph recording on this thread until the scope is closed (inference, optimizer steps). */
    public static NoGradScope noGrad() {
        return GradMode.disable();
    }

    /** Whether ops on this thread currently record the graph. */
    public static boolean isGradEnabled() {
        return GradMode.enabled();
    }

    // ---------------------------------------------------------------- inspection

    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    public int size(int axis) {
        return shape[Shapes.axis("size", axis, shape.length)];
    }

    public int numel() {
        return Shapes.numel(shape);
    }

    /** The single value of a one-element tensor. */
    public float item() {
        checkLive("item");
        if (numel() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has " + numel() + " elements, not 1");
        }
        return data[offset];
    }

    /** The element at a full index. */
    public float get(int... index) {
        checkLive("get");
        return data[flatIndex("get", index)];
    }

    /** Writes one element in place. Not recorded by autograd: for initialization, editing weights, tests. */
    public void set(float value, int... index) {
        data[flatIndex("set", index)] = value;
    }

    private int flatIndex(String what, int[] index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException(what + ": index " + Arrays.toString(index) + " has " + index.length
                    + " dimensions, tensor has shape " + Shapes.str(shape));
        }
        int p = offset;
        for (int i = 0; i < index.length; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException(what + ": index " + Arrays.toString(index) + " out of bounds for shape "
                        + Shapes.str(shape));
            }
            p += index[i] * strides[i];
        }
        return p;
    }

    /** A row-major copy of the values. */
    public float[] toArray() {
        checkLive("toArray");
        if (isContiguous()) {
            return Arrays.copyOfRange(data, offset, offset + numel());
        }
        float[] out = new float[numel()];
        copyStrided(out);
        return out;
    }

    /** Copies this tensor's values, in row-major order, into {@code out}. */
    void copyStrided(float[] out) {
        int n = numel();
        if (n == 0) {
            return;
        }
        int rank = shape.length;
        int[] idx = new int[rank];
        int src = offset;
        for (int i = 0; i < n; i++) {
            out[i] = data[src];
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                src += strides[d];
                if (idx[d] < shape[d]) {
                    break;
                }
                src -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /** Whether the elements sit row-major and packed in storage (offset may be non-zero). */
    public boolean isContiguous() {
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != s) {
                return false;
            }
            s *= shape[i];
        }
        return true;
    }

    /** A contiguous copy in new storage (differentiable): the caller's own, whatever this one shares. */
    public Tensor copy() {
        return ShapeOps.copy(this);
    }

    /** This tensor if it is contiguous, else a contiguous copy (differentiable). */
    public Tensor contiguous() {
        return isContiguous() ? this : ShapeOps.copy(this);
    }

    /**
     * The backing array of a contiguous tensor that starts at offset 0 and fills it: parameters, gradients and
     * op results. Writes go straight to the tensor (optimizers use this); they are not recorded by autograd.
     */
    public float[] data() {
        checkLive("data");
        if (offset != 0 || data.length != numel() || !isContiguous()) {
            throw new IllegalStateException("data: tensor of shape " + Shapes.str(shape)
                    + " is a view (offset " + offset + ", strides " + Arrays.toString(strides) + "); call contiguous() first");
        }
        return data;
    }

    /**
     * The values in row-major order for reading: the backing array itself when this tensor fills it (no copy;
     * do not write to it), else a copy. For ops and losses that only read.
     */
    public float[] values() {
        checkLive("values");
        return offset == 0 && data.length == numel() && isContiguous() ? data : toArray();
    }

    /** Copies {@code src}'s values into this tensor in place (same shape; not recorded by autograd). */
    public void copyFrom(Tensor src) {
        if (!Arrays.equals(shape, src.shape)) {
            throw new IllegalArgumentException("copyFrom: shape " + Shapes.str(src.shape) + " into " + Shapes.str(shape));
        }
        float[] values = src.toArray();
        if (isContiguous()) {
            System.arraycopy(values, 0, data, offset, values.length);
        } else {
            int[] idx = new int[shape.length];
            for (float v : values) {
                int p = offset;
                for (int d = 0; d < idx.length; d++) {
                    p += idx[d] * strides[d];
                }
                data[p] = v;
                for (int d = idx.length - 1; d >= 0; d--) {
                    if (++idx[d] < shape[d]) {
                        break;
                    }
                    idx[d] = 0;
                }
            }
        }
    }

    // ---------------------------------------------------------------- autograd

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** Marks a leaf tensor as a variable whose gradient {@link #backward()} should compute. Returns this. */
    public Tensor requiresGrad(boolean requires) {
        if (!requires && parents != null) {
            throw new IllegalStateException("requiresGrad(false) on the result of '" + op + "'; use detach() instead");
        }
        this.requiresGrad = requires;
        return this;
    }

    /** dL/dthis after {@link #backward()}, or null if no gradient reached this tensor. */
    public Tensor grad() {
        fillDeferredZeros();
        return grad;
    }

    /** Carries out a deferred {@link #zeroGrad()} for a reader or an op rule that adds into the buffer. */
    private void fillDeferredZeros() {
        if (gradZeroed) {
            Arrays.fill(grad.data, 0f);
            gradZeroed = false;
        }
    }

    /**
     * Forgets the accumulated gradient (gradients add up across backward calls, as in PyTorch): {@link #grad()}
     * reads zeros afterwards. The buffer is kept and cleared lazily: the next backward writes its gradient over it
     * instead of adding to zeros, and only a {@link #grad()} call before that fills it with zeros. So a gradient
     * tensor obtained from {@link #grad()} before this call keeps its old values until the next backward or
     * {@link #grad()} call; take the gradient again after zeroGrad rather than keeping it across.
     */
    public void zeroGrad() {
        if (grad != null) {
            gradZeroed = true;
        }
    }

    /** Drops the gradient buffer altogether. */
    public void clearGrad() {
        grad = null;
        gradZeroed = false;
    }

    /** The same values, cut from the graph: a constant that shares storage. */
    public Tensor detach() {
        return new Tensor(data, offset, shape, strides, "detach", null, null);
    }

    /** The op that produced this tensor ("leaf" for inputs and parameters). */
    public String op() {
        return op;
    }

    /** The inputs of the op that produced this tensor (empty for leaves and constants). */
    public List<Tensor> inputs() {
        return parents == null ? List.of() : Collections.unmodifiableList(Arrays.asList(parents));
    }

    /** A label for graph drawings and error messages. Returns this. */
    public Tensor name(String label) {
        this.name = label;
        return this;
    }

    public String name() {
        return name;
    }

    /** Back-propagates from this one-element tensor (dL/dL = 1). */
    public void backward() {
        if (numel() != 1) {
            throw new IllegalStateException("backward: called on a tensor of shape " + Shapes.str(shape)
                    + "; reduce it to one element (e.g. sum() or mean()) or pass the upstream gradient");
        }
        backward(Tensor.full(1f, shape));
    }

    /**
     * Back-propagates with dL/dthis = {@code upstream}: a topological sort of the graph, then each op's
     * local rule once, from this tensor back to the leaves. Gradients accumulate (fan-out adds up).
     */
    public void backward(Tensor upstream) {
        if (!requiresGrad) {
            throw new IllegalStateException("backward: this tensor does not require a gradient"
                    + " (no input had requiresGrad(true), or it was computed under noGrad)");
        }
        if (!Arrays.equals(upstream.shape, shape)) {
            throw new IllegalArgumentException("backward: upstream gradient " + Shapes.str(upstream.shape)
                    + " does not match tensor " + Shapes.str(shape));
        }
        List<Tensor> order = topologicalOrder();
        for (Tensor t : order) {
            t.checkLive("backward");
        }
        accumulateGrad(upstream);
        try (NoGradScope ignored = noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                if (t.backward != null && t.grad != null) {
                    t.backward.apply(t);
                }
            }
        }
        // The graph is spent: intermediates that live in a workspace hand their buffers back for the next step.
        for (Tensor t : order) {
            if (t.lease != null) {
                t.grad = null;
                t.gradZeroed = false;
                t.lease.release();
            }
        }
    }

    /** Every tensor this one depends on (itself last), inputs before the ops that use them. */
    public List<Tensor> topologicalOrder() {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = identitySet();
        // Iterative post-order DFS: deep graphs (long training unrolls) must not overflow the stack.
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[]{this, 0});
        visited.add(this);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Tensor[] ps = t.parents == null ? new Tensor[0] : t.parents;
            if (next < ps.length) {
                frame[1] = next + 1;
                Tensor p = ps[next];
                if (p.requiresGrad && visited.add(p)) {
                    stack.push(new Object[]{p, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }

    /**
     * Adds {@code g} into this tensor's gradient, summing over broadcast dimensions when {@code g} has the
     * (larger) broadcast shape of an op's output.
     */
    void accumulateGrad(Tensor g) {
        if (!requiresGrad) {
            return;
        }
        if (!Arrays.equals(g.shape, shape)) {
            g = ReduceOps.sumToShape(g, shape);
        }
        if (grad == null) {
            grad = new Tensor(g.toArray(), 0, shape.clone(), null, "grad", null, null);
        } else if (gradZeroed) {
            if (g.isContiguous()) {
                System.arraycopy(g.data, g.offset, grad.data, 0, grad.data.length);
            } else {
                g.copyStrided(grad.data);
            }
            gradZeroed = false;
        } else if (g.isContiguous()) {
            kernels().axpy(1f, g.data, g.offset, grad.data, 0, grad.data.length);
        } else {
            float[] v = g.toArray();
            kernels().axpy(1f, v, 0, grad.data, 0, v.length);
        }
    }

    /** Adds raw values into the gradient (shape of this tensor, row-major); used by op rules for speed. */
    void accumulateGrad(float[] g) {
        if (!requiresGrad) {
            return;
        }
        if (grad == null) {
            grad = new Tensor(g, 0, shape.clone(), null, "grad", null, null);
        } else if (gradZeroed) {
            System.arraycopy(g, 0, grad.data, 0, g.length);
            gradZeroed = false;
        } else {
            kernels().axpy(1f, g, 0, grad.data, 0, g.length);
        }
    }

    /**
     * The gradient's backing array, created as zeros if absent. For fused kernels that compute a layer's
     * gradient themselves and accumulate it in place, exactly as {@link #backward()} would.
     */
    public float[] gradData() {
        if (!requiresGrad) {
            throw new IllegalStateException("gradData: this tensor does not require a gradient");
        }
        return gradBuffer();
    }

    /** The gradient buffer, created as zeros if absent: op rules that write with beta=1 (GEMM) use this. */
    float[] gradBuffer() {
        fillDeferredZeros();
        if (grad == null) {
            float[] g;
            if (lease != null) {
                g = lease.buffer(gradSlot, numel());
                Arrays.fill(g, 0f);
            } else {
                g = new float[numel()];
            }
            grad = new Tensor(g, 0, shape.clone(), null, "grad", null, null);
        }
        return grad.data;
    }

    /**
     * The gradient buffer for an op rule that overwrites it completely (GEMM with beta 0) when there is no
     * gradient yet: a workspace buffer is handed out without clearing it.
     */
    float[] gradBufferForOverwrite() {
        if (gradZeroed) {
            gradZeroed = false; // the caller writes every element: the deferred fill is not needed
            return grad.data;
        }
        if (grad == null && lease != null) {
            grad = new Tensor(lease.buffer(gradSlot, numel()), 0, shape.clone(), null, "grad", null, null);
        }
        return gradBuffer();
    }

    /**
     * Whether a gradient has been accumulated since the last {@link #zeroGrad()}: op rules add into the buffer when
     * it has, and overwrite it ({@link #gradBufferForOverwrite()}) when not.
     */
    boolean hasGrad() {
        return grad != null && !gradZeroed;
    }

    // ---------------------------------------------------------------- elementwise ops

    public Tensor add(Tensor other) { return BinaryOps.add(this, other); }
    public Tensor sub(Tensor other) { return BinaryOps.sub(this, other); }
    public Tensor mul(Tensor other) { return BinaryOps.mul(this, other); }
    public Tensor div(Tensor other) { return BinaryOps.div(this, other); }
    public Tensor maximum(Tensor other) { return BinaryOps.maximum(this, other); }
    public Tensor minimum(Tensor other) { return BinaryOps.minimum(this, other); }
    public Tensor add(float c) { return UnaryOps.addScalar(this, c); }
    public Tensor sub(float c) { return UnaryOps.addScalar(this, -c); }
    public Tensor mul(float c) { return UnaryOps.mulScalar(this, c); }
    public Tensor div(float c) { return UnaryOps.mulScalar(this, 1f / c); }
    public Tensor neg() { return UnaryOps.mulScalar(this, -1f); }
    public Tensor pow(float p) { return UnaryOps.pow(this, p); }
    public Tensor exp() { return UnaryOps.exp(this); }
    public Tensor log() { return UnaryOps.log(this); }
    public Tensor sqrt() { return UnaryOps.sqrt(this); }
    public Tensor abs() { return UnaryOps.abs(this); }
    public Tensor tanh() { return ActivationOps.apply(this, Activations.TANH); }
    public Tensor sigmoid() { return ActivationOps.apply(this, Activations.SIGMOID); }
    public Tensor relu() { return ActivationOps.apply(this, Activations.RELU); }
    public Tensor leakyRelu(float alpha) { return ActivationOps.apply(this, Activations.parse("leaky-relu:" + alpha)); }
    public Tensor gelu() { return ActivationOps.apply(this, Activations.GELU); }
    /** Heaviside step, the perceptron's unit: 1 where x &gt;= 0, else 0. Its gradient is zero everywhere. */
    public Tensor step() { return ActivationOps.apply(this, Activations.STEP); }
    /** Any activation of the catalog ({@link Activations}), elementwise, e.g. {@code x.apply(Activations.parse("elu:0.5"))}. */
    public Tensor apply(ActivationFunction f) { return ActivationOps.apply(this, f); }
    public Tensor clamp(float lo, float hi) { return UnaryOps.clamp(this, lo, hi); }

    // ---------------------------------------------------------------- reductions

    public Tensor sum() { return ReduceOps.sumAll(this); }
    public Tensor sum(int axis, boolean keepDims) { return ReduceOps.sum(this, axis, keepDims); }
    public Tensor mean() { return ReduceOps.sumAll(this).mul(1f / Math.max(1, numel())); }
    public Tensor mean(int axis, boolean keepDims) {
        return ReduceOps.sum(this, axis, keepDims).mul(1f / size(axis));
    }
    public Tensor max(int axis, boolean keepDims) { return ReduceOps.max(this, axis, keepDims); }
    /** Indices of the largest element along {@code axis} (first one on ties); not differentiable. */
    public int[] argmax(int axis) { return ReduceOps.argmax(this, axis); }
    public Tensor softmax(int axis) { return ReduceOps.softmax(this, axis); }
    public Tensor logSoftmax(int axis) { return ReduceOps.logSoftmax(this, axis); }

    // ---------------------------------------------------------------- shape and linear algebra

    public Tensor reshape(int... newShape) { return ShapeOps.reshape(this, newShape); }
    public Tensor transpose() { return ShapeOps.transpose(this, 0, 1); }
    public Tensor transpose(int a, int b) { return ShapeOps.transpose(this, a, b); }
    /** Rows [from, to) along axis 0, as a view that shares storage. */
    public Tensor rows(int from, int to) { return ShapeOps.rows(this, from, to); }
    public Tensor matmul(Tensor other) { return LinalgOps.matmul(this, other); }
    /** For a [n, k] tensor, element {@code idx[i]} of row i, as a [n] tensor (class-label scores). */
    public Tensor pick(int[] idx) { return IndexOps.pick(this, idx); }

    // ---------------------------------------------------------------- printing

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("tensor(");
        float[] v = toArray();
        if (shape.length == 0) {
            sb.append(format(v[0]));
        } else {
            appendNested(sb, v, 0, 0);
        }
        sb.append(", shape=").append(Shapes.str(shape));
        if (requiresGrad) {
            sb.append(parents == null ? ", requiresGrad" : ", op=" + op);
        }
        return sb.append(')').toString();
    }

    private int appendNested(StringBuilder sb, float[] v, int dim, int pos) {
        sb.append('[');
        int n = shape[dim];
        int shown = Math.min(n, 8);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (i == shown && n > shown) {
                sb.append("...");
                int stride = Shapes.numel(Arrays.copyOfRange(shape, dim + 1, shape.length));
                pos += stride * (n - i);
                break;
            }
            if (dim == shape.length - 1) {
                sb.append(format(v[pos++]));
            } else {
                pos = appendNested(sb, v, dim + 1, pos);
            }
        }
        sb.append(']');
        return pos;
    }

    private static String format(float f) {
        return f == Math.rint(f) && Math.abs(f) < 1e7 ? String.valueOf((long) f) + "." : String.format("%.4g", f);
    }

    /** A contiguous version of {@code t} for reading (t itself, or an untracked copy); offset may be non-zero. */
    static Tensor dense(Tensor t) {
        return t.isContiguous() ? t : new Tensor(t.toArray(), 0, t.shape, null, "copy", null, null);
    }

    /** Identity-based set of tensors, for graph walks. */
    static Set<Tensor> identitySet() {
        return Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    }
}
