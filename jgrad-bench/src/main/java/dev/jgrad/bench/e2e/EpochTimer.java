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

    /** Threads of the FMA burst run before each epoch (outside its time), or 0 for none. */
    private final int peakThreads;
    private final List<Double> peakGflops = new ArrayList<>();
    private final List<Double> epochSeconds = new ArrayList<>();
    private final List<Double> epochCpuSeconds = new ArrayList<>();
    private long epochStart;
    private long epochCpuStart;
    private long trainStart;
    private double trainSeconds;

    EpochTimer() {
        this(0);
    }

    /**
     * With {@code peakThreads > 0}, a {@link FmaPeak#burst} on that many threads runs before each epoch, outside the
     * epoch's time, for {@link #medianPeakFraction}.
     */
    EpochTimer(int peakThreads) {
        this.peakThreads = peakThreads;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        trainStart = System.nanoTime();
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        if (peakThreads > 0) {
            peakGflops.add(FmaPeak.burst(peakThreads));
        }
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

    /**
     * The median over the epochs after {@code warmup} of each epoch's GFLOPS ({@code flopsPerEpoch} over its time)
     * as a fraction of the FMA burst measured just before it: how close the work came to the peak available at that
     * moment. NaN without bursts.
     */
    double medianPeakFraction(int warmup, double flopsPerEpoch) {
        return medianPeakFraction(epochSeconds, peakGflops, warmup, flopsPerEpoch);
    }

    /** {@link #medianPeakFraction(int, double)} over given epoch times and the bursts' GFLOPS, epoch by epoch. */
    static double medianPeakFraction(List<Double> seconds, List<Double> peaks, int warmup, double flopsPerEpoch) {
        if (peaks.size() != seconds.size() || peaks.isEmpty()) {
            return Double.NaN;
        }
        int from = Math.min(warmup, seconds.size() - 1);
        double[] fractions = new double[seconds.size() - from];
        for (int e = from; e < seconds.size(); e++) {
            fractions[e - from] = flopsPerEpoch / seconds.get(e) / 1e9 / peaks.get(e);
        }
        return Stats.median(fractions);
    }

    private static double medianAfter(List<Double> values, int warmup) {
        List<Double> kept = values.subList(Math.min(warmup, values.size() - 1), values.size());
        return Stats.median(kept.stream().mapToDouble(Double::doubleValue).toArray());
    }

    double trainSeconds() {
        return trainSeconds;
    }
}
