package dev.jgrad.train;

import dev.jgrad.optim.LrSchedule;

/**
 * Sets the optimizer's learning rate from a {@link LrSchedule}: per epoch ({@code lr(epoch - 1)} before each
 * epoch) or per step ({@code lr(globalStep)} before each step, for warm-up).
 */
public final class LrScheduler implements Callback {

    private final LrSchedule schedule;
    private final boolean perStep;

    public LrScheduler(LrSchedule schedule, boolean perStep) {
        if (schedule == null) {
            throw new IllegalArgumentException("LrScheduler: schedule must not be null");
        }
        this.schedule = schedule;
        this.perStep = perStep;
    }

    /** Per-epoch scheduling. */
    public static LrScheduler perEpoch(LrSchedule schedule) {
        return new LrScheduler(schedule, false);
    }

    /** Per-step scheduling. */
    public static LrScheduler perStep(LrSchedule schedule) {
        return new LrScheduler(schedule, true);
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        context.optimizer().setLr(schedule.lr(0));
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        if (!perStep) {
            context.optimizer().setLr(schedule.lr(epoch - 1));
        }
    }

    @Override
    public void onStepEnd(TrainingContext context, Progress progress) {
        if (perStep) {
            context.optimizer().setLr(schedule.lr((int) Math.min(Integer.MAX_VALUE, progress.globalStep())));
        }
    }
}
