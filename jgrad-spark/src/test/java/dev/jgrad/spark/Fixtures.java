package dev.jgrad.spark;

import dev.jgrad.data.idx.IdxReader;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.History;
import dev.jgrad.train.Shards;
import dev.jgrad.train.Trainer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** A small IDX data set (4x4 "images" of 3 classes) and the single-machine reference run. */
final class Fixtures {

    static final int ROWS = 150;
    static final int CLASSES = 3;

    private Fixtures() {
    }

    /** Writes {@code images} and {@code labels} IDX files into {@code dir}; returns {images, labels}. */
    static Path[] writeIdx(Path dir) throws IOException {
        Random rng = new Random(11);
        ByteArrayOutputStream img = new ByteArrayOutputStream();
        ByteArrayOutputStream lab = new ByteArrayOutputStream();
        DataOutputStream i = new DataOutputStream(img);
        DataOutputStream l = new DataOutputStream(lab);
        i.writeInt(0x00000803);
        i.writeInt(ROWS);
        i.writeInt(4);
        i.writeInt(4);
        l.writeInt(0x00000801);
        l.writeInt(ROWS);
        for (int r = 0; r < ROWS; r++) {
            int c = rng.nextInt(CLASSES);
            l.writeByte(c);
            for (int p = 0; p < 16; p++) {
                // Class c is brighter in its own third of the pixels.
                int v = rng.nextInt(100) + (p % CLASSES == c ? 120 : 0);
                i.writeByte(v);
            }
        }
        Path images = Files.write(dir.resolve("train-images-idx3-ubyte"), img.toByteArray());
        Path labels = Files.write(dir.resolve("train-labels-idx1-ubyte"), lab.toByteArray());
        return new Path[]{images, labels};
    }

    static Module model() {
        Random rng = new Random(3);
        return new Sequential(new Linear(16, 12, rng), new ReLU(), new Linear(12, CLASSES, rng));
    }

    static SparkTrainer.Builder spark(Path[] idx, int partitions) {
        return SparkTrainer.builder(Fixtures::model, CrossEntropyLoss::new, p -> new Adam(p, 0.01))
                .data(RowSource.idx(idx[0], idx[1], CLASSES), TargetKind.CLASS_INDEX)
                .epochs(3).batchSize(20).shuffle(5).partitions(partitions).stepsPerChunk(3);
    }

    /** The Trainer with shards(S) on the same data: what Spark must reproduce bit for bit. */
    static Reference reference(Path[] idx, int shards) throws IOException {
        float[] x = IdxReader.readImages(idx[0]).pixels();
        int[] labels = IdxReader.readLabels(idx[1]).labels();
        float[] y = new float[labels.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = labels[r];
        }
        Module m = model();
        History h = Trainer.builder(m, new CrossEntropyLoss(), new Adam(m.parameters(), 0.01))
                .epochs(3).batchSize(20).shuffle(5).shards(shards).metrics(dev.jgrad.train.Metrics.accuracy()).build()
                .fit(Tensor.of(x, ROWS, 16), Tensor.of(y, ROWS));
        return new Reference(weights(m), h);
    }

    record Reference(float[] weights, History history) {
    }

    static float[] weights(Module m) {
        float[] w = new float[Shards.size(m.parameters())];
        Shards.copyValues(m.parameters(), w);
        return w;
    }
}
