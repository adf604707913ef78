package dev.jgrad.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * Training rows at a path every worker sees: a local path on each machine (or a shared mount) or any Hadoop file
 * system URI Spark reads ({@code hdfs://}, {@code file://}, {@code s3a://} with its connector). The driver reads
 * only what it needs to plan (the row count, the classes); each worker reads the rows its shards need, itself.
 * Nothing goes through the driver. {@code hadoop} holds Spark's {@code spark.hadoop.*} settings (prefix removed).
 */
public sealed interface RowSource extends Serializable permits IdxRows, CsvRows {

    /** The number of rows (from headers where the format has them). */
    int rows(Map<String, String> hadoop) throws IOException;

    /** The number of classes, 0 for regression. */
    int classes(Map<String, String> hadoop) throws IOException;

    /** At least the rows at the ascending indices {@code rows} (a format without an index gives all of them). */
    RowBlock read(int[] rows, Map<String, String> hadoop) throws IOException;

    /** Where the rows are, for messages and as the executors' cache key. */
    String describe();

    /** An MNIST-style pair of IDX files (images scaled to [0, 1], labels as classes {@code 0..classes-1}). */
    static RowSource idx(String images, String labels, int classes) {
        return new IdxRows(images, labels, classes);
    }

    /** A CSV file read as {@code CsvReader} reads it; {@code labelColumn} a header name or 0-based index, or null for the last. */
    static RowSource csv(String file, String labelColumn) {
        return new CsvRows(file, labelColumn);
    }
}
