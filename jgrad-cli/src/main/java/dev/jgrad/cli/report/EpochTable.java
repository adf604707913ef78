package dev.jgrad.cli.report;

import dev.jgrad.train.Callback;
import dev.jgrad.train.EpochRecord;
import dev.jgrad.train.TrainingContext;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One row per epoch, printed as each epoch ends:
 * <pre>
 * epoch  train loss  train acc  val loss  val acc     time  samples/s
 *     1      0.5012     82.31%    0.4210   84.95%     6.1s      8,850
 * </pre>
 * Regression shows R^2 instead of accuracy.
 */
public final class EpochTable implements Callback {

    private final PrintWriter out;
    private final String metric;
    private final String metricTitle;
    private final int samples;
    private long epochStart;
    private boolean headerPrinted;

    /**
     * @param metric  the history key shown next to the losses ({@code accuracy} or {@code r2})
     * @param samples training rows per epoch, for the throughput column
     */
    public EpochTable(PrintWriter out, String metric, int samples) {
        this.out = out;
        this.metric = metric;
        this.metricTitle = metric.equals("accuracy") ? "acc" : metric;
        this.samples = samples;
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
        if (!headerPrinted) {
            headerPrinted = true;
            out.println(String.format(Locale.ROOT, "%5s  %10s  %9s  %10s  %9s  %8s  %10s", "epoch", "train loss",
                    "train " + metricTitle, "val loss", "val " + metricTitle, "time", "samples/s"));
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord r) {
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        out.println(String.format(Locale.ROOT, "%5d  %10s  %9s  %10s  %9s  %8s  %10s", r.epoch(),
                Formats.number(r.get("loss")), value(r.get(metric)), Formats.number(r.get("val_loss")),
                value(r.get("val_" + metric)), Formats.duration(seconds), Formats.rate(samples / seconds)));
        out.flush();
    }

    private String value(double v) {
        return metric.equals("accuracy") ? Formats.percent(v) : Formats.number(v);
    }
}
