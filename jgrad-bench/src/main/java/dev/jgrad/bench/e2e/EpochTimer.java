package dev.jgrad.bench.e2e;

import dev.jgrad.train.Callback;
import dev.jgrad.train.EpochRecord;
import dev.jgrad.train.History;
import dev.jgrad.train.TrainingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Times a {@code Trainer.fit} from the inside: each epoch's wall time (begin to end, bookkeeping included) and
 * the whole fit's. Only the epoch hooks are overridden, so the per-step path stays as users run it.
 */
final class EpochTimer implements Callback {

    private final List<Double> epochSeconds = new ArrayList<>();
    private long epochStart;
    private long trainStart;
    private double trainSeconds;

    @Override
    public void onTrainBegin(TrainingContext context) {
        trainStart = System.nanoTime();
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        epochSeconds.add((System.nanoTime() - epochStart) / 1e9);
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    }

    /** The median epoch time after dropping the first {@code warmup} epochs. */
    double medianEpochSeconds(int warmup) {
        List<Double> kept = epochSeconds.subList(Math.min(warmup, epochSeconds.size() - 1), epochSeconds.size());
        return Stats.median(kept.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double trainSeconds() {
        return trainSeconds;
    }
}
