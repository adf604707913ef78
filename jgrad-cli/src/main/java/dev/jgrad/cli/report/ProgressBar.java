package dev.jgrad.cli.report;

import dev.jgrad.train.Callback;
import dev.jgrad.train.EpochRecord;
import dev.jgrad.train.Progress;
import dev.jgrad.train.TrainingContext;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress on stderr: in {@link ProgressMode#BAR} a bar per epoch redrawn in place
 * ({@code epoch 3/10 [=====>    ] 52% 31,200 samples/s loss 0.4123 ETA 4.1s}), removed when the epoch's table row
 * is printed; in {@link ProgressMode#LINES} one line every few seconds, so logs stay readable.
 */
public final class ProgressBar implements Callback {

    private static final int WIDTH = 30;
    private static final long BAR_REDRAW_NANOS = 100_000_000L;
    private static final long LINE_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final ProgressMode mode;
    private final int samples;
    private long lastDraw;
    private long epochStart;
    private double smoothedLoss = Double.NaN;
    private boolean drawn;

    /**
     * @param samples training rows per epoch, for the sample count shown
     */
    public ProgressBar(PrintWriter err, ProgressMode mode, int samples) {
        this.err = err;
        this.mode = mode;
        this.samples = samples;
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
        lastDraw = epochStart;
        smoothedLoss = Double.NaN;
    }

    @Override
    public void onStepEnd(TrainingContext context, Progress p) {
        // An exponential average: a single batch's loss jumps around too much to read.
        smoothedLoss = Double.isNaN(smoothedLoss) ? p.loss() : 0.9 * smoothedLoss + 0.1 * p.loss();
        long now = System.nanoTime();
        long every = mode == ProgressMode.BAR ? BAR_REDRAW_NANOS : LINE_EVERY_NANOS;
        if (mode == ProgressMode.NONE || now - lastDraw < every || p.step() == p.stepsPerEpoch()) {
            return;
        }
        lastDraw = now;
        double fraction = (double) p.step() / p.stepsPerEpoch();
        double elapsed = (now - epochStart) / 1e9;
        double eta = elapsed / fraction * (1 - fraction);
        String stats = String.format(Locale.ROOT, "%3.0f%% %s samples/s loss %.4f ETA %s", 100 * fraction,
                Formats.rate(p.samplesPerSecond()), smoothedLoss, Formats.duration(eta));
        String epoch = "epoch " + p.epoch() + "/" + p.epochs();
        if (mode == ProgressMode.BAR) {
            int filled = (int) Math.round(fraction * WIDTH);
            String bar = "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(WIDTH - filled);
            err.print("\r\u001b[K" + epoch + " [" + bar + "] " + stats);
            drawn = true;
        } else {
            err.println(epoch + ": " + Math.round(fraction * samples) + "/" + samples + " samples " + stats);
        }
        err.flush();
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        clear();
    }

    @Override
    public void onTrainEnd(TrainingContext context, dev.jgrad.train.History history) {
        clear();
    }

    /** Removes the bar so the next output starts on a clean line. */
    public void clear() {
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
            drawn = false;
        }
    }
}
