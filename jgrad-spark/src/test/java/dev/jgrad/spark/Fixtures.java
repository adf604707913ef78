package dev.jgrad.spark;

import dev.jgrad.data.idx.IdxReader;
import dev.jgrad.nn.Dropout;
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

    /** The same rows as a CSV file: 16 feature columns (the pixels scaled as IDX images are), then "label". */
    static Path writeCsv(Path dir, Path[] idx) throws IOException {
        float[] x = IdxReader.readImages(idx[0]).pixels();
        int[] labels = IdxReader.readLabels(idx[1]).labels();
        StringBuilder sb = new StringBuilder();
        for (int p = 0; p < 16; p++) {
            sb.append("p").append(p).append(',');
        }
        sb.append("label\n");
        for (int r = 0; r < ROWS; r++) {
            for (int p = 0; p < 16; p++) {
                sb.append(x[r * 16 + p]).append(',');
            }
            sb.append(labels[r]).append('\n');
        }
        return Files.writeString(dir.resolve("train.csv"), sb);
    }

    static Module model() {
        Random rng = new Random(3);
        return new Sequential(new Linear(16, 12, rng), new ReLU(), new Linear(12, CLASSES, rng));
    }

    /** With dropout: its masks must be the same on the workers as in the reference. */
    static Module modelWithDropout() {
        Random rng = new Random(3);
        return new Sequential(new Linear(16, 12, rng), new ReLU(), new Dropout(0.25, rng), new Linear(12, CLASSES, rng));
    }

    static SparkTrainer.Builder spark(Path[] idx, int partitions) {
        return spark(RowSource.idx(idx[0].toString(), idx[1].toString(), CLASSES), Fixtures::model, partitions);
    }

    static SparkTrainer.Builder spark(RowSource data, ModelFactory model, int partitions) {
        return SparkTrainer.builder(model, CrossEntropyLoss::new, p -> new Adam(p, 0.01))
                .data(data, TargetKind.CLASS_INDEX)
                .epochs(3).batchSize(20).shuffle(5).partitions(partitions).stepsPerChunk(3);
    }

    /** The Trainer with shards(S) on the same data: what Spark must reproduce bit for bit. */
    static Reference reference(Path[] idx, int shards) throws IOException {
        return reference(idx, Fixtures.model(), shards);
    }

    /** As {@link #reference(Path[], int)} for {@code m}; {@code shards} 0 is ordinary training. */
    static Reference reference(Path[] idx, Module m, int shards) throws IOException {
        float[] x = IdxReader.readImages(idx[0]).pixels();
        int[] labels = IdxReader.readLabels(idx[1]).labels();
        float[] y = new float[labels.length];
        for (int r = 0; r < y.length; r++) {
            y[r] = labels[r];
        }
        Trainer.Builder t = Trainer.builder(m, new CrossEntropyLoss(), new Adam(m.parameters(), 0.01))
                .epochs(3).batchSize(20).shuffle(5).metrics(dev.jgrad.train.Metrics.accuracy());
        if (shards > 0) {
            t.shards(shards);
        }
        History h = t.build().fit(Tensor.of(x, ROWS, 16), Tensor.of(y, ROWS));
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
