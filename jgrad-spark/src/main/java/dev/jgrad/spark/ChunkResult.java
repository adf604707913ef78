package dev.jgrad.spark;

import java.io.Serializable;

/**
 * What one worker reports for a chunk of steps: per step its shard's loss and the counts behind the metrics, the
 * step where training diverged (or -1), its time split, and (from worker 0) the checkpoint at the chunk's end.
 */
record ChunkResult(int worker, String host, double[] loss, long[] correct, double[] squaredError, double[] targetSum,
                   double[] targetSquares, int divergedAt, long computeNanos, long reduceNanos,
                   TrainingState state) implements Serializable {
}
