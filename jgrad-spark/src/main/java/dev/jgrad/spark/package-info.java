/**
 * Exact synchronous data-parallel training on Apache Spark: {@link dev.jgrad.spark.SparkTrainer} runs the engine's
 * one training step on every worker over its own row range, all-reduces the gradients over the workers' own
 * sockets in a fixed order inside one barrier stage per chunk of steps, and gives the same weights, bit for bit, as
 * the single-machine {@code Trainer} with {@code shards(S)}.
 */
package dev.jgrad.spark;
