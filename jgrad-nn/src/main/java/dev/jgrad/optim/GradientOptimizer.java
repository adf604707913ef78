package dev.jgrad.optim;

import dev.jgrad.backend.WorkerPool;
import dev.jgrad.tensor.Tensor;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common part of the gradient optimizers: the parameter list, the learning rate, per-parameter state arrays
 * allocated once, and a step loop that hands each parameter's {@code float[]} values and gradient to
 * {@link #update}. The state arrays are registered by name ({@link #newState(String)}), so {@link #state()} and
 * {@link #loadState} save and restore every optimizer's state in this one place.
 */
public abstract class GradientOptimizer implements Optimizer {

    protected final List<Tensor> params;
    private final String name;
    private double lr;
    private long steps;
    private final Map<String, float[][]> buffers = new LinkedHashMap<>();
    /** Where each parameter starts when all are taken end to end; the last entry is the total. */
    private final long[] starts;
    /** This step's weights and gradients per parameter (null: no gradient this step), for the ranges. */
    private final float[][] stepWeights;
    private final float[][] stepGradients;
    private final WorkerPool.Parts ranges = this::updatePart;

    /**
     * Below this many elements per thread the update stays on the calling thread: a hand-off to a worker costs
     * about a microsecond while it spins, tens when it has to be woken, and an element a nanosecond or less.
     */
    public static final int PARALLEL_MIN_ELEMENTS = 32 * 1024;
    /** About this many elements per range (Adam's kernel takes ~6 us for them on one core). */
    public static final int PART_ELEMENTS = 8 * 1024;
    /** Range boundaries fall on multiples of this many elements (a 64-byte cache line of floats). */
    private static final int RANGE_UNIT = 16;

    protected GradientOptimizer(String name, List<? extends Tensor> params, double lr) {
        this.name = name;
        if (params == null || params.isEmpty()) {
            throw new IllegalArgumentException(name + ": needs at least one parameter, got " + (params == null ? "null" : "none"));
        }
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            if (p == null || !p.requiresGrad()) {
                throw new IllegalArgumentException(name + ": parameter " + i + " is null or does not require a gradient");
            }
        }
        this.params = List.copyOf(params);
        this.lr = Hyper.positive(name, "lr", lr);
        this.starts = new long[this.params.size() + 1];
        for (int i = 0; i < this.params.size(); i++) {
            starts[i + 1] = starts[i] + this.params.get(i).numel();
        }
        this.stepWeights = new float[this.params.size()][];
        this.stepGradients = new float[this.params.size()][];
    }

    /**
     * One zero-filled state array per parameter, e.g. momentum buffers, registered under {@code name} for
     * {@link #state()} and {@link #loadState}.
     */
    protected final float[][] newState(String name) {
        if (buffers.containsKey(name)) {
            throw new IllegalStateException(this.name + ": state buffer '" + name + "' is already registered");
        }
        float[][] s = new float[params.size()][];
        for (int i = 0; i < s.length; i++) {
            s[i] = new float[params.get(i).numel()];
        }
        buffers.put(name, s);
        return s;
    }

    /** The optimizer's type name, e.g. {@code "Adam"}. */
    public String name() {
        return name;
    }

    /**
     * The hyperparameters by name, for a model card: {@code lr} and the optimizer's own ({@code beta1}, ...).
     * Subclasses add theirs to the map from {@code super.hyperparameters()}.
     */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("lr", lr);
        return h;
    }

    /** A float32 hyperparameter as the decimal it was given as (0.9, not 0.8999999761581421), for a model card. */
    protected static double decimal(float v) {
        return Double.parseDouble(Float.toString(v));
    }

    /** A copy of everything the next step depends on besides the weights and gradients. */
    public OptimizerState state() {
        return new OptimizerState(name, steps, lr, buffers);
    }

    /**
     * Restores a state taken with {@link #state()} from an optimizer of the same type over parameters of the same
     * sizes; the next {@link #step()} then updates exactly as the saved optimizer's next step would have.
     *
     * @throws IllegalArgumentException naming what differs (type, buffers, sizes)
     */
    public void loadState(OptimizerState state) {
        if (!name.equals(state.type())) {
            throw new IllegalArgumentException(name + ": cannot load the state of a " + state.type() + " optimizer");
        }
        if (!buffers.keySet().equals(state.buffers().keySet())) {
            throw new IllegalArgumentException(name + ": the saved state has buffers " + state.buffers().keySet()
                    + " but this optimizer keeps " + buffers.keySet() + " (different settings, e.g. momentum?)");
        }
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] mine = e.getValue();
            float[][] saved = state.buffers().get(e.getKey());
            int[] want = Arrays.stream(mine).mapToInt(a -> a.length).toArray();
            int[] got = Arrays.stream(saved).mapToInt(a -> a.length).toArray();
            if (!Arrays.equals(want, got)) {
                throw new IllegalArgumentException(name + ": saved buffer '" + e.getKey() + "' has sizes "
                        + Arrays.toString(got) + " but the parameters have " + Arrays.toString(want));
            }
        }
        for (Map.Entry<String, float[][]> e : buffers.entrySet()) {
            float[][] saved = state.buffers().get(e.getKey());
            for (int i = 0; i < saved.length; i++) {
                System.arraycopy(saved[i], 0, e.getValue()[i], 0, saved[i].length);
            }
        }
        steps = state.steps();
        setLr(state.lr());
    }

    /**
     * Zeroes every gradient, on the calling thread: a fill runs at memory speed (~30 us for the README model's 0.9
     * MB), and handed out in ranges on 2 threads it took 41 us (StepPhases b128, quiet host) to 60-130 us (load 7):
     * the worker's start and the caller's wait cost more than the second core saves.
     */
    @Override
    public void zeroGrad() {
        for (Tensor p : params) {
            p.zeroGrad();
        }
    }

    /**
     * How many ranges a step is cut into: one on one thread or below {@link #PARALLEL_MIN_ELEMENTS} per thread, else
     * about {@link #PART_ELEMENTS} each (at least one per thread). The threads take ranges one at a time, so a worker
     * that starts late (woken from a park, or kept off a core by another process) still takes its share instead of
     * leaving the caller to wait for a whole half; with two ranges of 1.9 MB of state (w, g, m, v) each on 2 threads
     * the step was no faster than on one.
     */
    private int parts() {
        long total = starts[params.size()];
        int threads = WorkerPool.threads();
        if (threads == 1 || total < (long) threads * PARALLEL_MIN_ELEMENTS) {
            return 1;
        }
        return (int) Math.min(WorkerPool.MAX_PARTS, Math.max(threads, total / PART_ELEMENTS));
    }

    @Override
    public void step() {
        steps++;
        beforeStep(steps);
        for (int i = 0; i < params.size(); i++) {
            Tensor p = params.get(i);
            Tensor g = p.grad();
            stepWeights[i] = g == null ? null : p.data();
            stepGradients[i] = g == null ? null : gradData(g);
        }
        int parts = parts();
        try {
            if (parts == 1) {
                updatePart(0, 1);
            } else {
                WorkerPool.run(ranges, parts);
            }
        } finally {
            Arrays.fill(stepWeights, null);
            Arrays.fill(stepGradients, null);
        }
    }

    /**
     * Part {@code part} of {@code parts}: a contiguous range of all the parameters' elements taken end to end, cut
     * at parameter boundaries into slices, each handed to {@link #update}; parameters without a gradient this step
     * are skipped.
     */
    private void updatePart(int part, int parts) {
        long total = starts[params.size()];
        long from = boundary(total, part, parts);
        long to = boundary(total, part + 1, parts);
        for (int i = 0; i < params.size() && from < to; i++) {
            long lo = Math.max(from, starts[i]);
            long hi = Math.min(to, starts[i + 1]);
            if (lo < hi && stepGradients[i] != null) {
                update(i, stepWeights[i], stepGradients[i], (int) (lo - starts[i]), (int) (hi - starts[i]));
            }
        }
    }

    private static long boundary(long total, int part, int parts) {
        if (part >= parts) {
            return total;
        }
        long b = total * part / parts;
        return Math.min(total, b - b % RANGE_UNIT);
    }

    // Gradients are freshly allocated, packed arrays; the copy is only a fallback for an exotic view.
    private static float[] gradData(Tensor g) {
        try {
            return g.data();
        } catch (IllegalStateException view) {
            return g.toArray();
        }
    }

    /** Called once per step before the parameter loop, with the 1-based step count (Adam's bias correction). */
    protected void beforeStep(long step) {
    }

    /**
     * Updates elements {@code from .. to-1} of parameter {@code index} in place: {@code w} its values, {@code g}
     * its gradient (same length). Ranges of one step may run on different threads at once; an implementation
     * reads and writes only those elements (of w, g and its state buffers) and the per-step scalars set in
     * {@link #beforeStep}.
     */
    protected abstract void update(int index, float[] w, float[] g, int from, int to);

    /** The number of {@link #step()} calls so far. */
    public long steps() {
        return steps;
    }

    @Override
    public double lr() {
        return lr;
    }

    @Override
    public void setLr(double lr) {
        this.lr = Hyper.positive(name, "lr", lr);
    }

    @Override
    public String toString() {
        return name + "(lr=" + lr + ")";
    }
}
