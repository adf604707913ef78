package dev.jgrad.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's results: its 1-based number, the learning rate it ran with, and the values by name: {@code "loss"},
 * {@code "val_loss"}, and each metric as {@code "accuracy"} / {@code "val_accuracy"}.
 */
public record EpochRecord(int epoch, double lr, Map<String, Double> values) {

    public EpochRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value named {@code key}, or NaN if this epoch has none. */
    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }
}
