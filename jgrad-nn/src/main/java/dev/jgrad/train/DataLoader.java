package dev.jgrad.train;

import dev.jgrad.random.Seeds;
import dev.jgrad.random.Shuffle;
import dev.jgrad.tensor.RowSource;
import dev.jgrad.tensor.Tensor;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Mini-batches of features and targets, one epoch at a time: PyTorch's
 * {@code DataLoader(TensorDataset(x, y), batch_size=128, shuffle=True)}, and what {@link Trainer#fit} batches with.
 * <pre>
 *   DataLoader loader = new DataLoader(x, y, 128).shuffle(42);
 *   for (int epoch = 1; epoch &lt;= 10; epoch++) {
 *       for (DataLoader.Batch b : loader.epoch(epoch)) {
 *           opt.zeroGrad();
 *           Tensor loss = lossFn.apply(model.forward(b.x()), b.y());
 *           loss.backward();
 *           opt.step();
 *       }
 *   }
 * </pre>
 * {@code x} and {@code y} have the samples on their first axis ({@code [n, d...]} and {@code [n]} or {@code [n, k]});
 * they are read in place, never copied whole (a view is made contiguous once). The features may also be a
 * {@link RowSource}, e.g. image pixels kept as bytes and turned into floats one batch at a time.
 *
 * <p><b>Order.</b> Epochs are numbered from 1. With {@link #shuffle(long) shuffle(seed)} the order of epoch
 * {@code e} is a pure function of the seed and {@code e} ({@link #epochOrder}): epochs can be replayed or skipped
 * without running the ones before, which is what makes {@code --resume} and distributed training bit-identical to one
 * uninterrupted run. {@link #shuffle(Random)} reshuffles the previous epoch's order with the caller's generator
 * instead (as a {@code torch.Generator} would), and without shuffling the order is the rows' own.
 *
 * <p><b>Buffers.</b> A batch's tensors are views of buffers the loader reuses (one for full batches, one for the
 * shorter last batch), so a steady training loop allocates nothing for its data: a batch is valid until the next
 * one of its size is taken from the loader; {@code copy()} it to keep it longer.
 */
public final class DataLoader implements Iterable<DataLoader.Batch> {

    private final RowSource xs;
    private final RowSource ys;
    private final int n;
    private final int batchSize;
    private final Shards layout;
    private final int[] order;
    private Long seed;
    private Random rng;
    private boolean dropLast;
    private int nextEpoch = 1;
    /** The reused batches by their number of rows: the full one, the last one of an epoch, shards. */
    private final Batch[] bySize;

    /** Batches of {@code batchSize} rows of {@code x} and {@code y} in their own order; the last may be shorter. */
    public DataLoader(Tensor x, Tensor y, int batchSize) {
        this(x, y, batchSize, 0);
    }

    /**
     * With {@code shards > 0}, every batch (the same rows as without shards) is cut into that many shards, as
     * {@link Shards} says (the data-parallel reference of {@link Trainer.Builder#shards}).
     */
    DataLoader(Tensor x, Tensor y, int batchSize, int shards) {
        this(rows("features", x), y, batchSize, shards);
    }

    /** Batches of {@code batchSize} rows of {@code x} (as stored, e.g. bytes) and {@code y}; the last may be shorter. */
    public DataLoader(RowSource x, Tensor y, int batchSize) {
        this(x, y, batchSize, 0);
    }

    /** {@link #DataLoader(RowSource, Tensor, int)} cut into shards as {@link #DataLoader(Tensor, Tensor, int, int)}. */
    DataLoader(RowSource x, Tensor y, int batchSize, int shards) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("DataLoader: batchSize must be > 0, got " + batchSize);
        }
        if (x == null) {
            throw new IllegalArgumentException("DataLoader: features must not be null");
        }
        this.xs = x;
        this.ys = rows("targets", y);
        if (xs.rows() != ys.rows()) {
            throw new IllegalArgumentException("DataLoader: features " + Arrays.toString(xs.shape()) + " and targets "
                    + Arrays.toString(y.shape()) + " have different numbers of samples");
        }
        this.n = xs.rows();
        this.batchSize = batchSize;
        this.layout = shards > 0 ? new Shards(n, batchSize, shards) : null;
        this.bySize = new Batch[Math.min(batchSize, n) + 1];
        this.order = new int[n];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    private static RowSource rows(String what, Tensor t) {
        if (t == null || t.dim() == 0 || t.size(0) == 0) {
            throw new IllegalArgumentException("DataLoader: " + what + " must have a sample axis with at least one row, got "
                    + (t == null ? "null" : Arrays.toString(t.shape())));
        }
        return RowSource.of(t);
    }

    /** Shuffles every epoch, epoch {@code e} in the order {@link #epochOrder} derives from {@code seed} and {@code e}. */
    public DataLoader shuffle(long seed) {
        this.seed = seed;
        this.rng = null;
        return this;
    }

    /**
     * Reshuffles the previous epoch's order every epoch with draws from {@code rng}, which carries over from epoch
     * to epoch: such a run cannot be resumed exactly (prefer {@link #shuffle(long)}).
     */
    public DataLoader shuffle(Random rng) {
        if (rng == null) {
            throw new IllegalArgumentException("DataLoader: shuffle rng must not be null");
        }
        this.rng = rng;
        this.seed = null;
        return this;
    }

    /** Leaves out the last batch of an epoch when it is shorter than the batch size (PyTorch's {@code drop_last}). */
    public DataLoader dropLast(boolean drop) {
        if (layout != null) {
            throw new IllegalArgumentException("DataLoader: dropLast does not apply to a sharded layout");
        }
        this.dropLast = drop;
        return this;
    }

    /** The number of samples. */
    public int size() {
        return n;
    }

    public int batchSize() {
        return batchSize;
    }

    /** Batches (optimizer steps) per epoch: {@code floor(n / b)} with dropLast, else {@code ceil(n / b)}. */
    public int numBatches() {
        if (layout != null) {
            return layout.stepsPerEpoch();
        }
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The batches of {@code epoch} (from 1), taken one at a time as they are iterated. */
    public Iterable<Batch> epoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("DataLoader: epochs are numbered from 1, got " + epoch);
        }
        if (layout != null) {
            throw new IllegalStateException("DataLoader: a sharded loader is read slice by slice by the Trainer");
        }
        return () -> {
            startEpoch(epoch);
            return new Iterator<>() {
                private int next;
                private final int count = numBatches();

                @Override
                public boolean hasNext() {
                    return next < count;
                }

                @Override
                public Batch next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException("DataLoader: epoch " + epoch + " has " + count + " batches");
                    }
                    int from = next++ * batchSize;
                    return slice(from, Math.min(n, from + batchSize));
                }
            };
        };
    }

    /** The next epoch's batches: epoch 1 the first time, then 2, ... (as iterating a PyTorch loader again). */
    @Override
    public Iterator<Batch> iterator() {
        return epoch(nextEpoch++).iterator();
    }

    /** Puts the rows in the order of {@code epoch} (from 1); {@link #slice} then reads it. */
    void startEpoch(int epoch) {
        if (rng != null) {
            Shuffle.inPlace(order, rng);
        } else if (seed != null) {
            epochOrder(order, seed, epoch);
        }
    }

    /** Shards laid out over the rows, or null. */
    Shards layout() {
        return layout;
    }

    /** Rows {@code [from, to)} of the current epoch's order, in the reused buffers of that many rows. */
    Batch slice(int from, int to) {
        int rows = to - from;
        Batch b = bySize[rows];
        if (b == null) {
            b = new Batch(buffer(xs, rows), buffer(ys, rows));
            bySize[rows] = b;
        }
        b.fill(order, from);
        return b;
    }

    /**
     * The sample order of {@code epoch} (from 1) for a loader shuffling with {@code seed}: a pure function of the
     * two, so a resumed run, a sharded run and every worker of a distributed one (which replay it) see the same
     * batches.
     */
    public static void epochOrder(int[] order, long seed, int epoch) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Shuffle.inPlace(order, new SplittableRandom(Seeds.derive(seed, epoch, 0)));
    }

    /**
     * One mini-batch: {@link #x()} and {@link #y()} over the loader's reused buffers, and the rows they came from.
     * Valid until the loader's next batch.
     */
    public final class Batch {
        private final Tensor x;
        private final Tensor y;
        private final int size;
        private int from;

        private Batch(Tensor x, Tensor y) {
            this.x = x;
            this.y = y;
            this.size = x.size(0);
        }

        private void fill(int[] order, int from) {
            this.from = from;
            xs.gather(order, from, size, x.data());
            ys.gather(order, from, size, y.data());
        }

        /** The features, {@code [size, d...]}. */
        public Tensor x() {
            return x;
        }

        /** The targets, {@code [size]} or {@code [size, k]}. */
        public Tensor y() {
            return y;
        }

        /** The number of samples in this batch. */
        public int size() {
            return size;
        }

        /** The row of {@code x}/{@code y} (as given to the loader) that sample {@code i} of this batch is. */
        public int row(int i) {
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("DataLoader.Batch: sample " + i + " of " + size);
            }
            return order[from + i];
        }
    }

    /** A tensor of {@code rows} rows of {@code source}'s shape over a new buffer. */
    private static Tensor buffer(RowSource source, int rows) {
        int[] s = source.shape();
        s[0] = rows;
        return Tensor.wrap(new float[rows * source.width()], s);
    }
}
