package dev.jgrad.train;

import dev.jgrad.nn.Parameter;

import java.util.List;

/**
 * Stops training when a monitored value (default {@code "val_loss"}) has not improved for {@code patience}
 * epochs, and optionally puts back the weights of the best epoch at the end. Values whose name contains
 * "loss", "mse" or "mae" improve by going down, others (accuracy, r2) by going up.
 */
public final class EarlyStopping implements Callback {

    private final String monitor;
    private final int patience;
    private final boolean restoreBest;
    private final boolean lowerIsBetter;
    private float[][] bestWeights;
    private double best = Double.NaN;
    private int bestEpoch;
    private int wait;

    public EarlyStopping(String monitor, int patience, boolean restoreBest) {
        if (monitor == null || monitor.isEmpty()) {
            throw new IllegalArgumentException("EarlyStopping: monitor must name a value, e.g. \"val_loss\"");
        }
        if (patience <= 0) {
            throw new IllegalArgumentException("EarlyStopping: patience must be > 0, got " + patience);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.restoreBest = restoreBest;
        this.lowerIsBetter = monitor.contains("loss") || monitor.contains("mse") || monitor.contains("mae");
    }

    /** Monitors {@code "val_loss"} and restores the best weights. */
    public static EarlyStopping onValLoss(int patience) {
        return new EarlyStopping("val_loss", patience, true);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        best = Double.NaN;
        bestEpoch = 0;
        wait = 0;
        List<Parameter> params = context.model().parameters();
        bestWeights = new float[params.size()][];
        for (int i = 0; i < bestWeights.length; i++) {
            bestWeights[i] = new float[params.get(i).numel()];
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        Double v = record.values().get(monitor);
        if (v == null) {
            throw new IllegalStateException("EarlyStopping: epoch " + record.epoch() + " has no value \"" + monitor
                    + "\" (it has " + record.values().keySet() + "); for val_* values set a validation set");
        }
        boolean improved = Double.isNaN(best) || (lowerIsBetter ? v < best : v > best);
        if (improved && !Double.isNaN(v)) {
            best = v;
            bestEpoch = record.epoch();
            wait = 0;
            List<Parameter> params = context.model().parameters();
            for (int i = 0; i < bestWeights.length; i++) {
                System.arraycopy(params.get(i).data(), 0, bestWeights[i], 0, bestWeights[i].length);
            }
        } else if (++wait >= patience) {
            context.stop("early stopping at epoch " + record.epoch() + ": " + monitor + " did not improve for "
                    + patience + " epochs (best " + best + " at epoch " + bestEpoch + ")");
        }
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        if (restoreBest && bestEpoch > 0) {
            List<Parameter> params = context.model().parameters();
            for (int i = 0; i < bestWeights.length; i++) {
                System.arraycopy(bestWeights[i], 0, params.get(i).data(), 0, bestWeights[i].length);
            }
        }
    }

    /** The best monitored value seen (NaN before the first epoch). */
    public double bestValue() {
        return best;
    }

    /** The 1-based epoch of the best value (0 before the first epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }
}
