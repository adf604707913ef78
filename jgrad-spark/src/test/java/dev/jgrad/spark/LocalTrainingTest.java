package dev.jgrad.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** local[2]: the workers are two task threads of this JVM, talking over loopback sockets. */
class LocalTrainingTest {

    @TempDir
    static Path dir;
    static Path[] idx;
    static JavaSparkContext spark;

    @BeforeAll
    static void start() throws Exception {
        idx = Fixtures.writeIdx(dir);
        spark = SparkMaster.open("local[2]", "jgrad-spark test", 2, List.of(), null);
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void twoPartitionsGiveTheShardedTrainersWeightsBitForBit() throws Exception {
        Fixtures.Reference ref = Fixtures.reference(idx, 2);
        SparkTrainer.Result r = Fixtures.spark(idx, 2).build().fit(spark);
        assertThat(Fixtures.weights(r.model())).containsExactly(ref.weights());
        assertThat(r.history().trainLoss()).containsExactlyElementsOf(ref.history().trainLoss());
        assertThat(r.history().metric("accuracy")).containsExactlyElementsOf(ref.history().metric("accuracy"));
        assertThat(r.history().metric("accuracy").get(2)).isGreaterThan(0.6); // it learned something
        // 150 rows, batch 20 in 2 shards: ranges of 75, shards of 10 -> 8 steps per epoch; chunks of 3 steps
        assertThat(r.timing().steps()).isEqualTo(24);
        assertThat(r.timing().chunks()).isEqualTo(9); // 3, 3, 2 per epoch
    }

    @Test
    void dropoutAndAFileUriGiveTheShardedTrainersWeightsBitForBit() throws Exception {
        Fixtures.Reference ref = Fixtures.reference(idx, Fixtures.modelWithDropout(), 2);
        RowSource uris = RowSource.idx(idx[0].toUri().toString(), idx[1].toUri().toString(), Fixtures.CLASSES);
        assertThat(idx[0].toUri().toString()).startsWith("file:///");
        SparkTrainer.Result r = Fixtures.spark(uris, Fixtures::modelWithDropout, 2).build().fit(spark);
        assertThat(Fixtures.weights(r.model())).containsExactly(ref.weights());
        // Ordinary training (no shards) sees the same batches and masks: only the gradient sum's rounding differs.
        float[] plain = Fixtures.reference(idx, Fixtures.modelWithDropout(), 0).weights();
        float[] mine = Fixtures.weights(r.model());
        float worst = 0;
        for (int i = 0; i < plain.length; i++) {
            worst = Math.max(worst, Math.abs(plain[i] - mine[i]));
        }
        assertThat(worst).isLessThan(1e-5f);
        assertThat(Fixtures.weights(r.model())).isNotEqualTo(Fixtures.reference(idx, 2).weights()); // dropout acted
    }

    @Test
    void aCsvFileGivesTheShardedTrainersWeightsBitForBit() throws Exception {
        Path csv = Fixtures.writeCsv(dir, idx);
        Fixtures.Reference ref = Fixtures.reference(idx, 2);
        SparkTrainer.Result r = Fixtures.spark(RowSource.csv(csv.toString(), "label"), Fixtures::model, 2).build().fit(spark);
        assertThat(Fixtures.weights(r.model())).containsExactly(ref.weights());
    }

    @Test
    void oneClearErrorForABadMasterAMissingPathAndTooManyPartitions() {
        assertThatThrownBy(() -> SparkMaster.check("spork://nowhere"))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("'spork://nowhere' is not a Spark master URL; use local[N], local-cluster[N,cores,memoryMB]"
                        + " or spark://host:port");
        assertThatThrownBy(() -> SparkMaster.check("spark://127.0.0.1:1"))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessageStartingWith("cannot reach the Spark master at 127.0.0.1:1 (")
                .hasMessageEndingWith("); is the cluster running? (jgrad-spark/bin/cluster.sh start)");
        Path missing = dir.resolve("nowhere/train-images-idx3-ubyte");
        assertThatThrownBy(() -> Fixtures.spark(new Path[]{missing, idx[1]}, 2).build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("data: " + missing + ": IDX images file is missing or unreadable (every worker must see the same path)");
        assertThatThrownBy(() -> Fixtures.spark(RowSource.idx("nosuchfs://host/images", idx[1].toString(), 3), Fixtures::model, 2)
                .build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("data: nosuchfs://host/images: no Hadoop file system for the scheme 'nosuchfs' on the classpath"
                        + " (file:, hdfs: and those whose connector jar is on every worker's classpath, e.g. hadoop-aws for s3a:)");
        assertThatThrownBy(() -> Fixtures.spark(RowSource.idx("s3a://bucket/images", idx[1].toString(), 3), Fixtures::model, 2)
                .build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("data: s3a://bucket/images: the Hadoop file system for the scheme 's3a' is not on the classpath"
                        + " (Class org.apache.hadoop.fs.s3a.S3AFileSystem not found); put its connector jar (e.g. hadoop-aws"
                        + " for s3a:) on every worker's classpath");
        String missingUri = missing.toUri().toString();
        assertThatThrownBy(() -> Fixtures.spark(RowSource.idx(missingUri, idx[1].toString(), 3), Fixtures::model, 2)
                .build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("data: " + missingUri + ": IDX images file is missing or unreadable (every worker must see the same path)");
        assertThatThrownBy(() -> Fixtures.spark(idx, 2).batchSize(1).build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("too many partitions for the batch: 2 shards (partitions) but a batch of 1 rows; use at most 1"
                        + " shards or a larger batch");
        assertThatThrownBy(() -> Fixtures.spark(idx, 200).batchSize(400).build().fit(spark))
                .isInstanceOf(SparkTrainingException.class)
                .hasMessage("too many partitions for the data: 200 shards (partitions) but only 150 rows; use at most 150");
    }
}
