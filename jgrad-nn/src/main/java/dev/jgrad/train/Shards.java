package dev.jgrad.train;

import dev.jgrad.nn.Parameter;
import dev.jgrad.tensor.Tensor;

import java.util.List;

/**
 * How data-parallel training splits the work, in one place for the single-machine reference
 * ({@link Trainer.Builder#shards}) and the workers of distributed training, so both do exactly the same float
 * operations in the same order.
 *
 * <ul>
 *   <li>The global batches are those of ordinary training: the epoch's order of all {@code n} rows (one seeded
 *       permutation, {@link DataLoader#epochOrder}), cut into batches of {@code B} rows, the last one shorter. So a
 *       sharded run sees exactly the rows, in the same batches, that an ordinary run with the same seed sees.</li>
 *   <li>Each batch of {@code b} rows is cut into {@code S} contiguous shards, shard {@code k} being positions
 *       {@code [k b / S, (k+1) b / S)} of the batch: worker {@code k} computes the gradient of that shard.</li>
 *   <li>The batch gradient is {@code 0 + w_0 g_0 + w_1 g_1 + ...} in float32, added in shard order, where
 *       {@code g_k} is the gradient of shard {@code k}'s mean loss and {@code w_k = rows_k / b}: the sum equals the
 *       batch's mean-loss gradient up to float32 rounding (the only difference from ordinary training).</li>
 * </ul>
 * With one shard this is exactly ordinary training: the whole batch, weight 1.
 */
public final class Shards {

    private final int rows;
    private final int batchSize;
    private final int count;
    private final int stepsPerEpoch;

    /**
     * @throws IllegalArgumentException when there are more shards than rows or than the batch size (a shard of
     *                                  every batch would be empty)
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
        this.stepsPerEpoch = (int) (((long) rows + batchSize - 1) / batchSize);
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

    /** Rows of the whole batch at 0-based {@code step} of an epoch ({@code B}, the last one fewer). */
    public int batchRows(int step) {
        return (int) Math.min(rows, (long) (step + 1) * batchSize) - step * batchSize;
    }

    /** First position of the batch at {@code step} in the epoch's order. */
    public int batchStart(int step) {
        return step * batchSize;
    }

    /** Position within its batch of shard {@code k}'s first row at {@code step} (dropout's row index). */
    public int offsetInBatch(int k, int step) {
        return (int) ((long) k * batchRows(step) / count);
    }

    /** First position (in the epoch's order) of shard {@code k} at 0-based {@code step}. */
    public int shardFrom(int k, int step) {
        return batchStart(step) + offsetInBatch(k, step);
    }

    /** One past the last position of shard {@code k} at {@code step}; equal to {@link #shardFrom} when it is empty. */
    public int shardTo(int k, int step) {
        return batchStart(step) + offsetInBatch(k + 1, step);
    }

    /** The weight of shard {@code k}'s mean-loss gradient at {@code step}: its rows over the batch's rows. */
    public float weight(int k, int step) {
        return (float) ((double) (shardTo(k, step) - shardFrom(k, step)) / batchRows(step));
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
