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
    private final int columns;
    private long lastDraw;
    private long epochStart;
    private double smoothedLoss = Double.NaN;
    private boolean drawn;

    /**
     * @param samples training rows per epoch, for the sample count shown
     */
    public ProgressBar(PrintWriter err, ProgressMode mode, int samples) {
        this(err, mode, samples, mode == ProgressMode.BAR ? Terminal.columns() : 80);
    }

    /** @param columns the terminal's width: a redrawn line that wraps would print a new line at every redraw */
    public ProgressBar(PrintWriter err, ProgressMode mode, int samples, int columns) {
        this.err = err;
        this.mode = mode;
        this.samples = samples;
        this.columns = columns;
    }

    /**
     * The bar line fitted into {@code columns - 1} characters (the last column would wrap on some terminals): the
     * bar shrinks first, down to 10 cells, then the ETA, the rate and the loss are dropped, and what is left is cut.
     */
    static String barLine(int columns, String epoch, double fraction, String percent, String rate, String loss, String eta) {
        int room = Math.max(1, columns - 1);
        String[][] variants = {
                {percent, rate, loss, eta}, {percent, rate, loss}, {percent, loss}, {percent}};
        for (String[] parts : variants) {
            String stats = String.join(" ", parts);
            int fixed = epoch.length() + 3 + 1 + stats.length(); // "epoch [" + "] " + stats
            int width = Math.min(WIDTH, room - fixed);
            if (width >= 10) {
                return epoch + " [" + bar(fraction, width) + "] " + stats;
            }
        }
        String line = epoch + " " + percent;
        return line.length() <= room ? line : line.substring(0, room);
    }

    private static String bar(double fraction, int width) {
        int filled = (int) Math.round(fraction * width);
        return "=".repeat(Math.max(0, filled - 1)) + (filled > 0 ? ">" : "") + " ".repeat(width - filled);
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
            err.print("\r\u001b[K" + barLine(columns, epoch, fraction, String.format(Locale.ROOT, "%3.0f%%", 100 * fraction),
                    Formats.rate(p.samplesPerSecond()) + " samples/s",
                    String.format(Locale.ROOT, "loss %.4f", smoothedLoss), "ETA " + Formats.duration(eta)));
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
