package dev.jgrad.train;

import dev.jgrad.nn.Parameter;
import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * How data-parallel training splits the work, in one place for the single-machine reference
 * ({@link Trainer.Builder#shards}) and the workers of distributed training, so both do exactly the same float
 * operations in the same order.
 *
 * <ul>
 *   <li>The {@code n} rows are dealt into {@code S} contiguous row ranges, range {@code k} being rows
 *       {@code [k n / S, (k+1) n / S)}: a worker reads only its own range.</li>
 *   <li>Each global batch of {@code B} rows is {@code S} contiguous shards, shard {@code k} holding
 *       {@code (k+1) B / S - k B / S} rows of range {@code k}; step {@code t} takes the {@code t}-th such slice of
 *       each range's order, so the last steps of an epoch may have shorter or empty shards.</li>
 *   <li>With shuffling, each epoch shuffles every range in turn (range 0 first) with the one generator, so a
 *       worker that replays the generator gets the same order as the reference.</li>
 *   <li>The batch gradient is {@code 0 + w_0 g_0 + w_1 g_1 + ...} in float32, added in shard order, where
 *       {@code g_k} is the gradient of shard {@code k}'s mean loss and {@code w_k = rows_k / rows}: the sum equals the
 *       global batch's mean-loss gradient.</li>
 * </ul>
 * With one shard this is exactly ordinary training: one range, the whole batch, weight 1.
 */
public final class Shards {

    private final int rows;
    private final int batchSize;
    private final int count;
    private final int stepsPerEpoch;

    /**
     * @throws IllegalArgumentException when there are more shards than rows or than the batch size (a shard of
     *                                  every full batch would be empty)
     */
    public Shards(int rows, int batchSize, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("shards: the number of shards must be > 0, got " + count);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("shards: the batch size must be > 0, got " + batchSize);
        }
        if (count > rows) {
            throw new IllegalArgumentException("too many shards for the data: " + count + " shards (partitions) but only "
                    + rows + " rows; use at most " + rows);
        }
        if (count > batchSize) {
            throw new IllegalArgumentException("too many shards for the batch: " + count + " shards (partitions) but a batch"
                    + " of " + batchSize + " rows; use at most " + batchSize + " shards or a larger batch");
        }
        this.rows = rows;
        this.batchSize = batchSize;
        this.count = count;
        int steps = 0;
        for (int k = 0; k < count; k++) {
            int range = rangeEnd(k) - rangeStart(k);
            int share = shareOfBatch(k);
            steps = Math.max(steps, (range + share - 1) / share);
        }
        this.stepsPerEpoch = steps;
    }

    public int count() {
        return count;
    }

    public int rows() {
        return rows;
    }

    public int batchSize() {
        return batchSize;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** First row of range {@code k}. */
    public int rangeStart(int k) {
        return (int) ((long) k * rows / count);
    }

    /** One past the last row of range {@code k}. */
    public int rangeEnd(int k) {
        return (int) ((long) (k + 1) * rows / count);
    }

    /** Rows of shard {@code k} in a full batch. */
    public int shareOfBatch(int k) {
        return (int) ((long) (k + 1) * batchSize / count - (long) k * batchSize / count);
    }

    /** First position (in the epoch's order) of shard {@code k} at 0-based {@code step}. */
    public int sliceFrom(int k, int step) {
        return Math.min(rangeEnd(k), rangeStart(k) + step * shareOfBatch(k));
    }

    /** One past the last position of shard {@code k} at {@code step}; equal to {@link #sliceFrom} when it is empty. */
    public int sliceTo(int k, int step) {
        return Math.min(rangeEnd(k), rangeStart(k) + (step + 1) * shareOfBatch(k));
    }

    /** Rows of the whole batch at {@code step}. */
    public int batchRows(int step) {
        int total = 0;
        for (int k = 0; k < count; k++) {
            total += sliceTo(k, step) - sliceFrom(k, step);
        }
        return total;
    }

    /** The weight of shard {@code k}'s mean-loss gradient at {@code step}: its rows over the batch's rows. */
    public float weight(int k, int step) {
        return (float) ((double) (sliceTo(k, step) - sliceFrom(k, step)) / batchRows(step));
    }

    /** The identity order {@code 0..rows-1}, the order of an epoch without shuffling. */
    public int[] identityOrder() {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        return order;
    }

    /** One epoch's shuffle: each range of {@code order} in turn (range 0 first), with draws from {@code rng}. */
    public void shuffle(int[] order, RandomGenerator rng) {
        for (int k = 0; k < count; k++) {
            int from = rangeStart(k);
            for (int i = rangeEnd(k) - 1; i > from; i--) {
                int j = from + rng.nextInt(i - from + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }

    /** The number of gradient values of {@code params} laid end to end (the length of a gradient vector). */
    public static int size(List<? extends Tensor> params) {
        long n = 0;
        for (Tensor p : params) {
            n += p.numel();
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("shards: " + n + " parameters do not fit one float array");
        }
        return (int) n;
    }

    /** {@code into += weight * grad}, parameter by parameter in order; a parameter without a gradient adds nothing. */
    public static void addScaledGradients(List<? extends Tensor> params, float weight, float[] into) {
        int at = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            int n = p.numel();
            if (g != null) {
                float[] gd = g.data();
                for (int i = 0; i < n; i++) {
                    into[at + i] += weight * gd[i];
                }
            }
            at += n;
        }
    }

    /** Overwrites the parameters' gradients with {@code sum} (laid out as in {@link #addScaledGradients}). */
    public static void setGradients(List<? extends Tensor> params, float[] sum) {
        int at = 0;
        for (Tensor p : params) {
            Tensor g = p.grad();
            int n = p.numel();
            if (g != null) {
                System.arraycopy(sum, at, g.data(), 0, n);
            }
            at += n;
        }
    }

    /** Copies the parameters' values into {@code into}, end to end. */
    public static void copyValues(List<? extends Parameter> params, float[] into) {
        int at = 0;
        for (Parameter p : params) {
            System.arraycopy(p.data(), 0, into, at, p.numel());
            at += p.numel();
        }
    }

    /** Sets the parameters' values from {@code values}, end to end. */
    public static void setValues(List<? extends Parameter> params, float[] values) {
        int at = 0;
        for (Parameter p : params) {
            System.arraycopy(values, at, p.data(), 0, p.numel());
            at += p.numel();
        }
    }
}
