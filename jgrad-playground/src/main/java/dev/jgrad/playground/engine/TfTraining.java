package dev.jgrad.playground.engine;

import dev.jgrad.nn.Linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TensorFlow Playground's two training rules the library's step does not have, for the TF-compatible mode:
 * <ul>
 *   <li><b>Batches that run across epochs.</b> TF adds each point's gradient to a sum and updates the weights after
 *   every {@code batchSize}-th point of the epoch; the points after the last full batch stay in the sum and join
 *   the first batch of the next epoch (250 points in batches of 30: the first update of epoch 2 averages 40).</li>
 *   <li><b>L1 that freezes.</b> TF takes the gradient step, then the L1 step {@code rate * lr * sign(w)} with the
 *   sign of the weight before both; if the L1 step carries the weight across zero it is set to 0 and the link is
 *   dead: never updated again (until the network is rebuilt).</li>
 * </ul>
 */
final class TfTraining {
    private final List<Linear> linears;
    private final boolean[][] dead;
    private int[] carried = new int[0];

    TfTraining(List<Linear> linears) {
        this.linears = linears;
        this.dead = new boolean[linears.size()][];
        for (int l = 0; l < linears.size(); l++) dead[l] = new boolean[linears.get(l).weight().data().length];
    }

    /**
     * One epoch's batches over points {@code 0..n-1} in order: the points carried from the last epoch, then each
     * full batch of {@code batchSize}; what is left is carried into the next call.
     */
    List<int[]> batches(int n, int batchSize) {
        List<int[]> out = new ArrayList<>();
        int[] pending = Arrays.copyOf(carried, carried.length + batchSize);
        int count = carried.length;
        for (int i = 0; i < n; i++) {
            if (count == pending.length) pending = Arrays.copyOf(pending, count + batchSize);
            pending[count++] = i;
            if ((i + 1) % batchSize == 0) {
                out.add(Arrays.copyOf(pending, count));
                count = 0;
            }
        }
        carried = Arrays.copyOf(pending, count);
        return out;
    }

    /** Points carried into the next epoch (for tests and the frame). */
    int carried() {
        return carried.length;
    }

    /** The training points changed: the sum of the old ones is dropped. */
    void forgetCarried() {
        carried = new int[0];
    }

    /** The weights before a step (the L1 rule needs their signs). */
    float[][] weights() {
        float[][] w = new float[linears.size()][];
        for (int l = 0; l < w.length; l++) w[l] = linears.get(l).weight().data().clone();
        return w;
    }

    /**
     * After the optimizer's step (taken without the L1 penalty): the L1 step and TF's freeze, and dead links back
     * to 0 whatever the step did to them.
     */
    void afterStep(float[][] before, double l1Step) {
        for (int l = 0; l < dead.length; l++) {
            float[] w = linears.get(l).weight().data();
            for (int k = 0; k < w.length; k++) {
                if (dead[l][k]) {
                    w[k] = 0;
                    continue;
                }
                if (l1Step == 0) continue;
                float stepped = w[k], next = (float) (stepped - l1Step * Math.signum(before[l][k]));
                if (stepped * next < 0) {
                    w[k] = 0;
                    dead[l][k] = true;
                } else {
                    w[k] = next;
                }
            }
        }
    }

    boolean dead(int layer, int index) {
        return dead[layer][index];
    }

    /** A weight set by hand lives again. */
    void revive(int layer, int index) {
        dead[layer][index] = false;
    }

    void reviveAll() {
        for (boolean[] d : dead) Arrays.fill(d, false);
    }
}
