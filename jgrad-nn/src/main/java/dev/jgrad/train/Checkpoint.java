package dev.jgrad.train;

import dev.jgrad.io.ModelCard;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.TrainingState;
import dev.jgrad.optim.GradientOptimizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model every {@code everyEpochs} epochs as {@code dir/checkpoint-epoch-0003.jgrad} with
 * {@link ModelFile} (atomically), as a whole v2 model file: the given model card (the recipe; the checkpoint sets
 * {@code training.epochs} and the epoch's metrics), and, when the run has a seed and a stateful optimizer, the
 * training state (epoch, seed, optimizer moments), so a run continued from the checkpoint
 * ({@link Trainer.Builder#startEpoch}, {@code jgrad train --resume}) ends bit-identical to one that never stopped.
 */
public final class Checkpoint implements Callback {

    private final Path dir;
    private final int everyEpochs;
    private final Map<String, Object> card;
    /** Free-form metadata with the epoch's values added, or null to write only the card. */
    private final Map<String, Object> metadata;

    /** Checkpoints with {@code card} (copied) as the model card. */
    public Checkpoint(Path dir, int everyEpochs, ModelCard card) {
        this(dir, everyEpochs, card, null);
    }

    /** Checkpoints with an empty card and free-form {@code metadata}, to which {@code "epoch"} and the epoch's values are added. */
    public Checkpoint(Path dir, int everyEpochs, Map<String, Object> metadata) {
        this(dir, everyEpochs, new ModelCard(), metadata == null ? Map.of() : metadata);
    }

    private Checkpoint(Path dir, int everyEpochs, ModelCard card, Map<String, Object> metadata) {
        if (dir == null) {
            throw new IllegalArgumentException("Checkpoint: dir must not be null");
        }
        if (everyEpochs <= 0) {
            throw new IllegalArgumentException("Checkpoint: everyEpochs must be > 0, got " + everyEpochs);
        }
        this.dir = dir;
        this.everyEpochs = everyEpochs;
        this.card = (card == null ? new ModelCard() : card).toMap();
        this.metadata = metadata == null ? null : Map.copyOf(metadata);
    }

    /** The file written for {@code epoch}. */
    public Path fileFor(int epoch) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "checkpoint-epoch-%04d.jgrad", epoch));
    }

    @Override
    public void onEpochEnd(TrainingContext context, EpochRecord record) {
        if (record.epoch() % everyEpochs != 0) {
            return;
        }
        ModelCard c = ModelCard.of(card).training("epochs", record.epoch());
        Map<String, Object> meta = metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata);
        if (metadata != null) {
            meta.put("epoch", record.epoch());
        }
        record.values().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                c.metric(k, v);
                if (metadata != null) {
                    meta.put(k, v);
                }
            }
        });
        // At the end of an epoch the weights are exactly those a resumed run starts from.
        TrainingState state = context.seed().isPresent() && context.optimizer() instanceof GradientOptimizer g
                ? new TrainingState(record.epoch(), context.seed().getAsLong(), g.state(), true) : null;
        try {
            ModelFile.save(context.model(), c, meta, state, fileFor(record.epoch()));
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint: could not save epoch " + record.epoch(), e);
        }
    }
}
