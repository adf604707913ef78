package dev.jgrad.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * local-cluster[2,1,1024]: a master and two workers in this JVM, each worker running one executor JVM, as on a real
 * standalone cluster. One context for both tests (starting one takes ~10 s).
 */
class ClusterTrainingTest {

    @TempDir
    static Path dir;
    static Path[] idx;
    static JavaSparkContext spark;
    static Fixtures.Reference reference;

    @BeforeAll
    static void start() throws Exception {
        idx = Fixtures.writeIdx(dir);
        reference = Fixtures.reference(idx, 2);
        spark = SparkMaster.open("local-cluster[2,1,1024]", "jgrad-spark cluster test", 2, List.of(), TestCluster.prepare());
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void twoExecutorsGiveTheShardedTrainersWeightsBitForBit() {
        SparkTrainer.Result r = Fixtures.spark(idx, 2).build().fit(spark);
        assertThat(Fixtures.weights(r.model())).containsExactly(reference.weights());
        assertThat(r.history().trainLoss()).containsExactlyElementsOf(reference.history().trainLoss());
        assertThat(r.timing().retries()).isZero();
    }

    @Test
    void anExecutorKilledMidRunChangesNothing() {
        Path marker = dir.resolve("killed");
        // Worker 1's executor halts before global step 13 (epoch 2, in its second chunk): the barrier stage fails,
        // the standalone worker starts a new executor and the chunk runs again from the checkpoint at step 12.
        SparkTrainer.Result r = Fixtures.spark(idx, 2).killExecutorOnce(1, 13, marker).build().fit(spark);
        assertThat(Files.exists(marker)).isTrue();
        assertThat(r.timing().retries()).isEqualTo(1);
        assertThat(Fixtures.weights(r.model())).containsExactly(reference.weights());
        assertThat(r.history().trainLoss()).containsExactlyElementsOf(reference.history().trainLoss());
    }
}
