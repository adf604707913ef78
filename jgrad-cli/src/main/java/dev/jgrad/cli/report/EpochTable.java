package dev.jgrad.cli.report;

import dev.jgrad.train.Callback;
import dev.jgrad.train.EpochRecord;
import dev.jgrad.train.History;
import dev.jgrad.train.TrainingContext;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One row per epoch, printed as each epoch ends:
 * <pre>
 * epoch  train loss  train acc    val loss    val acc      time   samples/s
 *     1      0.5012     82.31%      0.4210     84.95%      6.1s       8,850
 * </pre>
 * Regression shows R^2 instead of accuracy. Long runs (more than 30 epochs) print about 20 evenly spaced rows plus
 * the last; the history CSV has them all.
 */
public final class EpochTable implements Callback {

    private final PrintWriter out;
    private final String metric;
    private final String metricTitle;
    private final String monitor;
    private final int samples;
    private final int every;
    private long epochStart;
    private boolean headerPrinted;
    private EpochRecord pending;
    private double pendingSeconds;

    /**
     * @param metric  the history key shown next to the losses ({@code accuracy} or {@code r2})
     * @param monitor what the {@code val_} values were measured on, for the column titles ({@code val} or {@code test})
     * @param samples training rows per epoch, for the throughput column
     */
    public EpochTable(PrintWriter out, String metric, String monitor, int samples, int epochs) {
        this.out = out;
        this.metric = metric;
        this.metricTitle = metric.equals("accuracy") ? "acc" : metric;
        this.monitor = monitor;
        this.samples = samples;
        this.every = epochs <= 30 ? 1 : (int) Math.ceil(epochs / 20.0);
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
        if (!headerPrinted) {
            headerPrinted = true;
            out.println(String.format(Locale.ROOT, "%5s  %10s  %9s  %10s  %9s  %8s  %10s", "epoch", "train loss",
                    "train " + metricTitle, monitor + " loss", monitor + " " + metricTitle, "time", "samples/s"));
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord r) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        if (r.epoch() == 1 || r.epoch() % every == 0) {
            print(r, seconds);
            pending = null;
        } else {
            pending = r;
            pendingSeconds = seconds;
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        if (pending != null) {
            print(pending, pendingSeconds);
            pending = null;
        }
    }

    private void print(EpochRecord r, double seconds) {
        out.println(String.format(Locale.ROOT, "%5d  %10s  %9s  %10s  %9s  %8s  %10s", r.epoch(),
                Formats.number(r.get("loss")), value(r.get(metric)), Formats.number(r.get("val_loss")),
                value(r.get("val_" + metric)), Formats.duration(seconds), Formats.rate(samples / seconds)));
        out.flush();
    }

    private String value(double v) {
        return metric.equals("accuracy") ? Formats.percent(v) : Formats.number(v);
    }
}
