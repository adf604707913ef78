package dev.jgrad.train;

import dev.jgrad.io.ModelFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model every {@code everyEpochs} epochs as {@code dir/checkpoint-epoch-0003.jgrad} with
 * {@link ModelFile} (atomically), adding {@code "epoch"} and the epoch's values to the given metadata.
 */
public final class Checkpoint implements Callback {

    private final Path dir;
    private final int everyEpochs;
    private final Map<String, Object> metadata;

    public Checkpoint(Path dir, int everyEpochs, Map<String, Object> metadata) {
        if (dir == null) {
            throw new IllegalArgumentException("Checkpoint: dir must not be null");
        }
        if (everyEpochs <= 0) {
            throw new IllegalArgumentException("Checkpoint: everyEpochs must be > 0, got " + everyEpochs);
        }
        this.dir = dir;
        this.everyEpochs = everyEpochs;
        this.metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
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
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.put("epoch", record.epoch());
        record.values().forEach((k, v) -> {
            if (Double.isFinite(v)) {
                meta.put(k, v);
            }
        });
        try {
            ModelFile.save(context.model(), meta, fileFor(record.epoch()));
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint: could not save epoch " + record.epoch(), e);
        }
    }
}
