package dev.jgrad.spark;

import dev.jgrad.train.Shards;

import java.io.Serializable;

/**
 * The fixed part of a distributed training run, the same for every chunk: training row {@code i} is row
 * {@code fileRows[i]} of the source's {@code sourceRows} ({@code fileRows} null: row {@code i}), its features
 * transformed by the {@code scaler} (JSON, or null); {@code hadoop} holds Spark's {@code spark.hadoop.*} settings
 * (prefix removed) for reading the data.
 */
record Settings(ModelFactory model, LossFactory loss, OptimizerFactory optimizer, RowSource data, TargetKind targets,
                int classes, int rows, int sourceRows, int[] fileRows, String scaler, int batchSize, int partitions, Long shuffleSeed, String penaltyKind,
                double penaltyRate, double clipNorm, int socketTimeoutMillis, int killPartition, String killMarker,
                java.util.Map<String, String> hadoop)
        implements Serializable {

    Shards shards() {
        return new Shards(rows, batchSize, partitions);
    }
}
