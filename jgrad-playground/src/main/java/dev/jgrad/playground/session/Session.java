package dev.jgrad.playground.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.data.Grid;
import dev.jgrad.playground.engine.Engine;
import dev.jgrad.playground.engine.EngineFactory;
import dev.jgrad.playground.engine.Snapshot;
import dev.jgrad.playground.state.PlaygroundState;

import java.io.IOException;
import java.util.Map;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One browser tab's playground: state, data, engine and a training thread. All mutation happens under one lock; the
 * training thread takes it per epoch so a pause or an edit never waits for a whole frame's worth of epochs.
 */
public final class Session implements AutoCloseable {
    /** Whether the training thread is working. HALTED means the loss went non-finite and training needs a reset. */
    public enum Status { PAUSED, RUNNING, HALTED }

    /** The stream's pace: 32 frames per second at most, so ~30 survive scheduling jitter. */
    static final long FRAME_NANOS = 1_000_000_000L / 32;
    static final int GRID = 100, FEATURE_GRID = 50;
    /**
     * Hidden-neuron thumbnails get the finest of these grids that keeps a frame's maps under {@link #HIDDEN_BUDGET}
     * cells (a 40-px thumbnail shows 20 cells per side well; TF Playground draws 10): 50x50 for a few neurons,
     * 20x20 for 6x32. Their trace is then a small part of a frame, and the frame stays ~100 KB.
     */
    static final int[] HIDDEN_GRIDS = {50, 40, 25, 20};
    static final int HIDDEN_BUDGET = 80_000;
    private static final int MAX_HISTORY = 10_000;
    /** Training pauses when no page has watched (an open stream) for this long, and goes on when one is back. */
    static final long UNWATCHED_NANOS = 3_000_000_000L;
    static final String UNWATCHED = "Paused: no page was watching. Training goes on when the page is back.";

    private final String id;
    private final EngineFactory factory;
    private final FrameEncoder encoder;
    private final ObjectMapper mapper;
    private final Grid grid = Grid.of(GRID), featureGrid = Grid.of(FEATURE_GRID);
    private final Grid[] hiddenGrids = java.util.Arrays.stream(HIDDEN_GRIDS).mapToObj(Grid::of).toArray(Grid[]::new);
    private final ReentrantLock lock = new ReentrantLock();
    private final FrameBox frames = new FrameBox();
    private final EngineThreads threads;
    /** Whether a training frame is scheduled or running (at most one per session). */
    private boolean frameScheduled;

    private PlaygroundState state;
    private DataSplit data;
    private Engine engine;
    // (data, engine and the nodes are set under the lock on an engine thread, like every later change)
    private Status status = Status.PAUSED;
    private String message;
    private final List<float[]> history = new ArrayList<>();
    private double msPerEpoch = Double.NaN;
    private ObjectNode frameNode, dataNode;
    private volatile long lastTouched = System.nanoTime();
    private int watchers;
    private long unwatchedSince = System.nanoTime();
    private boolean pausedUnwatched;
    private volatile boolean closed;

    Session(String id, PlaygroundState state, EngineFactory factory, ObjectMapper mapper, EngineThreads threads) {
        this.id = id;
        this.threads = threads;
        this.factory = factory;
        this.mapper = mapper;
        this.encoder = new FrameEncoder(mapper);
        this.state = state;
        locked(() -> {
            data = DataSplit.of(state);
            engine = factory.create(state, data);
            dataNode = encoder.data(state, data, featureGrid);
            publish();
            return null;
        });
    }

    public String id() {
        return id;
    }

    /** Marks the session as in use; idle sessions are freed by the registry. */
    public void touch() {
        lastTouched = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastTouched;
    }

    public boolean isClosed() {
        return closed;
    }

    /** State, data and latest frame, as the page needs them after loading or changing the setup. */
    public ObjectNode describe() {
        return locked(() -> {
            ObjectNode o = mapper.createObjectNode();
            o.put("id", id);
            o.set("state", mapper.valueToTree(state));
            o.set("data", dataNode);
            o.set("frame", frameNode);
            return o;
        });
    }

    public PlaygroundState state() {
        return locked(() -> state);
    }

    public ObjectNode frame() {
        return locked(() -> frameNode);
    }

    /**
     * Adopts a new state. Changes to data or network shape rebuild the network from the state's seed and pause;
     * painted points keep the weights; hyper-parameters are applied in place.
     *
     * @return true if the network was rebuilt
     */
    public boolean apply(PlaygroundState next) {
        return locked(() -> {
            PlaygroundState prev = state;
            state = next;
            boolean pointsOnly = sameData(prev, next, false) && !sameData(prev, next, true);
            boolean dataChanged = !sameData(prev, next, true);
            if (dataChanged) {
                data = DataSplit.of(next);
                dataNode = encoder.data(next, data, featureGrid);
            } else if (!prev.features().equals(next.features())) {
                dataNode = encoder.data(next, data, featureGrid);
            }
            boolean rebuild = !sameNetwork(prev, next) || (dataChanged && !pointsOnly);
            if (rebuild) {
                rebuild();
            } else {
                if (pointsOnly) engine.setData(data);
                engine.retune(next);
                publish();
            }
            return rebuild;
        });
    }

    public void play() {
        locked(() -> {
            if (status == Status.HALTED) throw new IllegalStateException(message + " Press reset before playing again.");
            status = Status.RUNNING;
            message = null;
            pausedUnwatched = false;
            if (watchers == 0) unwatchedSince = System.nanoTime(); // a page has a moment to open its stream
            scheduleFrame();
            publish();
            return null;
        });
    }

    public void pause() {
        locked(() -> {
            if (status == Status.RUNNING) status = Status.PAUSED;
            pausedUnwatched = false;
            publish();
            return null;
        });
    }

    /** One epoch, then paused (like TF Playground's step button). */
    public void step() {
        locked(() -> {
            if (status == Status.HALTED) throw new IllegalStateException(message + " Press reset before stepping.");
            status = Status.PAUSED;
            message = null;
            pausedUnwatched = false;
            trainOne();
            publish();
            return null;
        });
    }

    /** Fresh weights from the state's initSeed (the same weights a link reproduces), epoch 0, paused. */
    public void reset() {
        locked(() -> {
            rebuild();
            return null;
        });
    }

    public void setWeight(int layer, int to, int from, float value) {
        locked(() -> {
            engine.setWeight(layer, to, from, value);
            publish();
            return null;
        });
    }

    /** Every weight and bias (the layout of {@link Engine#parameters()}). */
    public float[] parameters() {
        return locked(() -> engine.parameters());
    }

    /** Sets every weight and bias, e.g. from a share link; the epoch stays. */
    public void setParameters(float[] values) {
        locked(() -> {
            engine.setParameters(values);
            publish();
            return null;
        });
    }

    /** Writes the network as a jgrad model file; its card records the state and the loss history, so loading restores both. */
    public void saveModel(Path file) throws IOException {
        try {
            locked(() -> {
                try {
                    engine.save(file, Map.of("epoch", engine.epoch(), "history", mapper.writeValueAsString(history)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Takes over an engine built elsewhere (a loaded model file) together with its state. */
    public void adopt(PlaygroundState next, Engine loaded) {
        adopt(next, loaded, List.of());
    }

    /** As {@link #adopt(PlaygroundState, Engine)}, keeping the loss history the model was saved with. */
    public void adopt(PlaygroundState next, Engine loaded, List<float[]> savedHistory) {
        locked(() -> {
            state = next;
            data = DataSplit.of(next);
            dataNode = encoder.data(next, data, featureGrid);
            engine = loaded;
            loaded.setData(data);
            history.clear();
            history.addAll(savedHistory);
            status = Status.PAUSED;
            message = null;
            publish();
            return null;
        });
    }

    /**
     * A page is watching (its stream is open) until the returned handle is closed. Training that paused because no
     * page watched goes on.
     */
    public AutoCloseable watch() {
        locked(() -> {
            watchers++;
            if (pausedUnwatched && status == Status.PAUSED) {
                status = Status.RUNNING;
                pausedUnwatched = false;
                message = null;
                scheduleFrame();
                publish();
            }
            return null;
        });
        return () -> locked(() -> {
            if (--watchers == 0) unwatchedSince = System.nanoTime();
            return null;
        });
    }

    /** Caller holds the lock. Pauses a run nobody watches (a closed tab must not train for minutes). */
    private void pauseIfUnwatched() {
        if (status == Status.RUNNING && watchers == 0 && System.nanoTime() - unwatchedSince > UNWATCHED_NANOS) {
            status = Status.PAUSED;
            pausedUnwatched = true;
            message = UNWATCHED;
        }
    }

    FrameBox frames() {
        return frames;
    }

    /** The latest serialized frame newer than {@code seen}, waiting up to {@code timeoutMillis}. */
    public Frame awaitFrame(long seen, long timeoutMillis) throws InterruptedException {
        FrameBox.Versioned v = frames.awaitNewer(seen, timeoutMillis);
        return v == null ? null : new Frame(v.version(), v.json());
    }

    /** A serialized frame and its version. */
    public record Frame(long version, String json) {}

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            status = Status.PAUSED; // a scheduled frame sees it and ends
        } finally {
            lock.unlock();
        }
    }

    // ---- training thread ------------------------------------------------------------------------------------------

    /** Caller holds the lock. Starts the frames of a run unless one is on its way. */
    private void scheduleFrame() {
        if (!frameScheduled && !closed) {
            frameScheduled = true;
            threads.schedule(this::trainFrame, 0);
        }
    }

    /**
     * One frame of a run, on an engine thread: {@code speed} epochs (the lock taken per epoch, so a pause or an
     * edit never waits for a whole frame), then the pictures; the next frame is scheduled FRAME_NANOS after this
     * one began. A paused session schedules nothing and holds no thread.
     */
    private void trainFrame() {
        long start = System.nanoTime();
        try {
            int epochs = state().speed();
            for (int i = 0; i < epochs && !closed; i++) {
                lock.lock();
                try {
                    if (status != Status.RUNNING) break;
                    trainOne();
                } finally {
                    lock.unlock();
                }
            }
            lock.lock();
            try {
                pauseIfUnwatched();
                if (!closed) publish();
                if (status == Status.RUNNING && !closed) {
                    threads.schedule(this::trainFrame, FRAME_NANOS - (System.nanoTime() - start));
                } else {
                    frameScheduled = false;
                }
            } finally {
                lock.unlock();
            }
        } catch (RuntimeException | Error e) {
            // A bug in the engine must not kill the session silently: show it on the page and stop training.
            lock.lock();
            try {
                frameScheduled = false;
                status = Status.HALTED;
                message = "Training failed: " + e;
                publish();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Caller holds the lock. */
    private void trainOne() {
        long t0 = System.nanoTime();
        engine.trainEpoch();
        double ms = (System.nanoTime() - t0) / 1e6;
        msPerEpoch = Double.isNaN(msPerEpoch) ? ms : 0.9 * msPerEpoch + 0.1 * ms;
        Snapshot.Scores sc = engine.scores();
        if (history.size() >= MAX_HISTORY) {
            // Keep every other point: the chart stays the same shape with bounded memory.
            for (int i = 0; i < history.size() / 2; i++) history.set(i, history.get(2 * i));
            history.subList(history.size() / 2, history.size()).clear();
        }
        history.add(new float[] {sc.epoch(), (float) sc.trainLoss(), (float) sc.testLoss()});
        if (status == Status.RUNNING && state.targetLoss() > 0 && sc.trainLoss() <= state.targetLoss()) {
            status = Status.PAUSED;
            message = String.format(Locale.ROOT, "Reached the target: training loss %.4f <= %s at epoch %d.",
                    sc.trainLoss(), state.targetLoss(), sc.epoch());
        }
        if (!sc.finite()) {
            status = Status.HALTED;
            message = String.format(Locale.ROOT,
                    "Training paused at epoch %d: the loss became %s. The updates grew without bound — usually the "
                            + "learning rate (%s) is too high for %s with this loss; lower it (or the regularization "
                            + "rate) and press reset.",
                    sc.epoch(), Double.isNaN(sc.trainLoss()) || Double.isNaN(sc.testLoss()) ? "NaN" : "infinite",
                    state.learningRate(), state.optimizer());
        }
    }

    /** Caller holds the lock. */
    private void rebuild() {
        engine = factory.create(state, data);
        history.clear();
        msPerEpoch = Double.NaN;
        status = Status.PAUSED;
        message = null;
        publish();
    }

    /** Caller holds the lock. */
    private void publish() {
        Grid thumbs = hiddenGrid(state.layers().stream().mapToInt(Integer::intValue).sum());
        Snapshot snap = engine.snapshot(grid, thumbs);
        frameNode = encoder.frame(snap, status, message, history, msPerEpoch, engine.parameterCount(), GRID, thumbs.size());
        try {
            frames.publish(mapper.writeValueAsString(frameNode));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Session: frame not serializable", e);
        }
    }

    /** The thumbnails' grid for a network of {@code neurons} hidden neurons. */
    private Grid hiddenGrid(int neurons) {
        for (Grid g : hiddenGrids) if ((long) neurons * g.cells() <= HIDDEN_BUDGET) return g;
        return hiddenGrids[hiddenGrids.length - 1];
    }

    private static boolean sameData(PlaygroundState a, PlaygroundState b, boolean withPainted) {
        return a.dataset().equals(b.dataset()) && a.classes() == b.classes() && a.noise() == b.noise()
                && a.trainRatio() == b.trainRatio() && a.seed() == b.seed() && a.problem().equals(b.problem())
                && a.tfCompat() == b.tfCompat() // TF's regression sets have more points
                && a.custom().equals(b.custom()) && (!withPainted || a.points().equals(b.points()));
    }

    private static boolean sameNetwork(PlaygroundState a, PlaygroundState b) {
        return a.features().equals(b.features()) && a.layers().equals(b.layers())
                && a.activations().equals(b.activations()) && a.problem().equals(b.problem())
                && a.loss().equals(b.loss()) && a.initializer().equals(b.initializer()) && a.biasInit() == b.biasInit()
                && a.initSeed() == b.initSeed() && a.dropout() == b.dropout() && a.outputSize() == b.outputSize()
                && Objects.equals(a.numClasses(), b.numClasses());
    }

    /** Runs {@code body} under the lock on an engine thread (where every GEMM of the server runs). */
    private <T> T locked(java.util.function.Supplier<T> body) {
        return threads.call(() -> {
            lock.lock();
            try {
                touch();
                return body.get();
            } finally {
                lock.unlock();
            }
        });
    }
}
