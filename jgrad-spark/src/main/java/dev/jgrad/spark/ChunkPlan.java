package dev.jgrad.spark;

import java.io.Serializable;

/**
 * One barrier stage's work, broadcast to the workers: run global steps {@code [state.step(), to)} from the checkpoint.
 *
 * @param killAt test hook: the worker of partition {@link Settings#killPartition} halts its JVM before this
 *               global step if {@link Settings#killMarker} does not exist yet (it creates it first), -1 for never
 */
record ChunkPlan(Settings settings, TrainingState state, long to, long killAt) implements Serializable {
}
