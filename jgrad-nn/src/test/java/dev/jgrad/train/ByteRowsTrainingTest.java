package dev.jgrad.train;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.loss.CrossEntropyLoss;
import dev.jgrad.optim.Adam;
import dev.jgrad.tensor.RowSource;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features kept as bytes (image pixels) and turned into floats per batch train exactly as the same values held as a
 * float32 tensor: same batches, same weights, bit for bit.
 */
class ByteRowsTrainingTest {

    private static final int N = 203; // a last batch shorter than the others
    private static final int D = 12;
    private static final float[] PIXEL = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            PIXEL[b] = b / 255f;
        }
    }

    /** Seeded "images": bytes whose mean above or below 128 decides the class, plus a few full-range pixels. */
    private static byte[] pixels() {
        Random rng = new Random(7);
        byte[] px = new byte[N * D];
        rng.nextBytes(px);
        return px;
    }

    private static Tensor labels(byte[] px) {
        float[] y = new float[N];
        for (int i = 0; i < N; i++) {
            int sum = 0;
            for (int j = 0; j < D; j++) {
                sum += px[i * D + j] & 0xFF;
            }
            y[i] = sum > 128 * D ? 1 : (px[i * D] & 0xFF) % 2 == 0 ? 0 : 2;
        }
        return Tensor.of(y, N);
    }

    /** The float32 form of the pixels as the IDX reader made it before: {@code (b & 0xFF) / 255f}. */
    private static Tensor asFloats(byte[] px) {
        float[] x = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            x[i] = (px[i] & 0xFF) / 255f;
        }
        return Tensor.of(x, N, D);
    }

    private static Sequential model() {
        Random rng = new Random(11);
        return new Sequential(new Linear(D, 16, rng), new ReLU(), new Dropout(0.2, new Random(3)),
                new Linear(16, 3, rng));
    }

    private static List<float[]> train(boolean bytes, int shards) {
        byte[] px = pixels();
        Tensor y = labels(px);
        Sequential m = model();
        Trainer.Builder b = Trainer.builder(m, new CrossEntropyLoss(), new Adam(m.parameters(), 0.01))
                .epochs(3).batchSize(32).shuffle(42).metrics(Metrics.accuracy());
        if (shards > 0) {
            b.shards(shards);
        }
        Trainer t = b.build();
        History h = bytes ? t.fit(RowSource.ofUnsignedBytes(px, N, D, PIXEL), y) : t.fit(asFloats(px), y);
        assertThat(h.size()).isEqualTo(3);
        List<float[]> weights = new ArrayList<>();
        for (Parameter p : m.parameters()) {
            weights.add(p.toArray());
        }
        weights.add(new float[] {(float) h.last().values().get("loss").doubleValue(),
                (float) h.last().values().get("accuracy").doubleValue()});
        return weights;
    }

    @Test
    void byteRowsTrainBitIdenticallyToTheirFloatValues() {
        List<float[]> fromFloats = train(false, 0);
        List<float[]> fromBytes = train(true, 0);
        assertThat(fromBytes).hasSameSizeAs(fromFloats);
        for (int i = 0; i < fromFloats.size(); i++) {
            assertThat(fromBytes.get(i)).as("parameter %d", i).containsExactly(fromFloats.get(i));
        }
        // and training moved the weights: the comparison is not between two untouched models
        assertThat(fromBytes.get(0)).isNotEqualTo(model().parameters().get(0).toArray());
    }

    @Test
    void shardedByteRowsTrainBitIdenticallyToTheirFloatValues() {
        List<float[]> fromFloats = train(false, 2);
        List<float[]> fromBytes = train(true, 2);
        for (int i = 0; i < fromFloats.size(); i++) {
            assertThat(fromBytes.get(i)).as("parameter %d", i).containsExactly(fromFloats.get(i));
        }
    }

    @Test
    void aByteLoaderGivesTheFloatLoadersBatches() {
        byte[] px = pixels();
        Tensor y = labels(px);
        DataLoader fromBytes = new DataLoader(RowSource.ofUnsignedBytes(px, N, D, PIXEL), y, 50).shuffle(5);
        DataLoader fromFloats = new DataLoader(asFloats(px), y, 50).shuffle(5);
        assertThat(fromBytes.numBatches()).isEqualTo(5);
        for (int epoch = 1; epoch <= 2; epoch++) {
            var a = fromBytes.epoch(epoch).iterator();
            var b = fromFloats.epoch(epoch).iterator();
            while (b.hasNext()) {
                DataLoader.Batch fb = b.next();
                DataLoader.Batch bb = a.next();
                assertThat(bb.x().shape()).containsExactly(fb.x().shape());
                assertThat(bb.x().toArray()).containsExactly(fb.x().toArray());
                assertThat(bb.y().toArray()).containsExactly(fb.y().toArray());
            }
            assertThat(a.hasNext()).isFalse();
        }
    }
}
