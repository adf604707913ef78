package dev.jgrad.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers a layer stack reuses from one step to the next, so a steady training loop allocates (almost) nothing.
 *
 * <p>Each forward pass takes a {@link Lease}: a set of buffers that the intermediate results of that pass (and
 * their gradients) live in. The lease comes back to the workspace when the pass's buffers are provably dead:
 * at the end of a forward pass that recorded no graph, or when {@link Tensor#backward()} has run through the
 * graph (as in PyTorch, a graph is freed by its backward). Until then a new pass gets a new set, so two graphs
 * alive at once never share memory. Tensors whose buffers went back refuse to be read
 * ({@link IllegalStateException}) instead of showing another step's values.
 *
 * <p>Thread-safe: concurrent passes get distinct leases.
 */
public final class Workspace {

    /** Idle buffer sets kept for reuse; more concurrent passes than this allocate and let the extra sets go. */
    private static final int KEEP = 2;

    private final ArrayDeque<List<float[]>> idle = new ArrayDeque<>();

    /** Buffers for one pass. */
    public Lease acquire() {
        List<float[]> buffers;
        synchronized (idle) {
            buffers = idle.poll();
        }
        return new Lease(this, buffers == null ? new ArrayList<>() : buffers);
    }

    private void giveBack(List<float[]> buffers) {
        synchronized (idle) {
            if (idle.size() < KEEP) {
                idle.push(buffers);
            }
        }
    }

    /** One forward pass's buffers, addressed by slot; returned to the workspace once by {@link #release()}. */
    public static final class Lease {
        private final Workspace owner;
        private List<float[]> buffers;

        private Lease(Workspace owner, List<float[]> buffers) {
            this.owner = owner;
            this.buffers = buffers;
        }

        /** The buffer in {@code slot}, at least {@code size} floats (contents undefined). */
        float[] buffer(int slot, int size) {
            if (buffers == null) {
                throw new IllegalStateException("workspace lease already released");
            }
            while (buffers.size() <= slot) {
                buffers.add(null);
            }
            float[] b = buffers.get(slot);
            if (b == null || b.length != size) {
                b = new float[size];
                buffers.set(slot, b);
            }
            return b;
        }

        /**
         * Layer {@code layer} of the pass, {@code f(x W^T + b)}, with its pre-activations in this lease; its output
         * and the output's gradient too when {@code intermediate} (an output the caller hands to the user must
         * not live here).
         */
        public Tensor linear(Tensor x, Tensor w, Tensor bias, dev.jgrad.activation.ActivationFunction f, int layer,
                             boolean intermediate) {
            return ActivationOps.linear(x, w, bias, f, this, 3 * layer, intermediate);
        }

        /** Whether the buffers went back to the workspace. */
        public boolean released() {
            return buffers == null;
        }

        /** Returns the buffers for the next pass; idempotent. */
        public void release() {
            List<float[]> b = buffers;
            if (b != null) {
                buffers = null;
                owner.giveBack(b);
            }
        }
    }
}
