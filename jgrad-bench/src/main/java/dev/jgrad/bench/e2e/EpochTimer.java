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
    private final List<Double> epochCpuSeconds = new ArrayList<>();
    private long epochStart;
    private long epochCpuStart;
    private long trainStart;
    private double trainSeconds;

    @Override
    public void onTrainBegin(TrainingContext context) {
        trainStart = System.nanoTime();
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
        epochCpuStart = Cpu.processNanos();
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        epochSeconds.add((System.nanoTime() - epochStart) / 1e9);
        epochCpuSeconds.add((Cpu.processNanos() - epochCpuStart) / 1e9);
    }

    @Override
    public void onTrainEnd(TrainingContext context, History history) {
        trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    }

    /** The median epoch time after dropping the first {@code warmup} epochs. */
    double medianEpochSeconds(int warmup) {
        return medianAfter(epochSeconds, warmup);
    }

    /**
     * The mean CPU time of the whole process (all threads) per epoch after {@code warmup} epochs: a mean of the
     * sum, not a median, because the JVM's process CPU clock ticks in 10 ms steps on Linux.
     */
    double meanEpochCpuSeconds(int warmup) {
        List<Double> kept = epochCpuSeconds.subList(Math.min(warmup, epochCpuSeconds.size() - 1), epochCpuSeconds.size());
        return kept.stream().mapToDouble(Double::doubleValue).sum() / kept.size();
    }

    private static double medianAfter(List<Double> values, int warmup) {
        List<Double> kept = values.subList(Math.min(warmup, values.size() - 1), values.size());
        return Stats.median(kept.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double trainSeconds() {
        return trainSeconds;
    }
}
