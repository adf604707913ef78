package dev.jgrad.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a training run produced, epoch by epoch ({@link EpochRecord}), and why it stopped early if it did
 * (early stopping, divergence). Saves as CSV (one row per epoch) or JSON.
 */
public final class History {

    private final List<EpochRecord> epochs = new ArrayList<>();
    private String stopReason;
    private boolean diverged;

    /** Appends a completed epoch (training loops call this; {@link Trainer} and distributed training). */
    public void add(EpochRecord record) {
        epochs.add(record);
    }

    /** Records why training ended early; the first reason given is kept. */
    public void stop(String reason, boolean divergence) {
        if (stopReason == null) {
            stopReason = reason;
            diverged = divergence;
        }
    }

    /** Every completed epoch, in order. */
    public List<EpochRecord> epochs() {
        return Collections.unmodifiableList(epochs);
    }

    public int size() {
        return epochs.size();
    }

    /** The last completed epoch (throws if none completed). */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("History: no epoch completed" + (stopReason == null ? "" : " (" + stopReason + ")"));
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The per-epoch values of {@code key} (NaN where an epoch has none). */
    public List<Double> metric(String key) {
        List<Double> out = new ArrayList<>(epochs.size());
        for (EpochRecord e : epochs) {
            out.add(e.get(key));
        }
        return out;
    }

    public List<Double> trainLoss() {
        return metric("loss");
    }

    public List<Double> valLoss() {
        return metric("val_loss");
    }

    /** Why training stopped before the last epoch, if it did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** Whether training stopped because the loss became NaN or infinite. */
    public boolean diverged() {
        return diverged;
    }

    /** Every value name that appears, in first-seen order. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (EpochRecord e : epochs) {
            keys.addAll(e.values().keySet());
        }
        return keys;
    }

    /** {@code epoch,lr,loss,val_loss,...} then one row per epoch; missing values are empty cells. */
    public String toCsv() {
        Set<String> keys = keys();
        StringBuilder sb = new StringBuilder("epoch,lr");
        for (String k : keys) {
            sb.append(',').append(k);
        }
        sb.append('\n');
        for (EpochRecord e : epochs) {
            sb.append(e.epoch()).append(',').append(e.lr());
            for (String k : keys) {
                sb.append(',');
                Double v = e.values().get(k);
                if (v != null) {
                    sb.append(v);
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * {@code {"epochs": [{"epoch": 1, "lr": 0.1, "loss": ...}, ...], "stopReason": ..., "diverged": ...}};
     * NaN and infinite values become null, since JSON has no NaN.
     */
    public String toJson() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EpochRecord e : epochs) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", e.epoch());
            row.put("lr", finiteOrNull(e.lr()));
            e.values().forEach((k, v) -> row.put(k, finiteOrNull(v)));
            rows.add(row);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("epochs", rows);
        doc.put("stopReason", stopReason);
        doc.put("diverged", diverged);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    public void saveCsv(Path file) throws IOException {
        dev.jgrad.io.AtomicFiles.writeString(file, toCsv());
    }

    public void saveJson(Path file) throws IOException {
        dev.jgrad.io.AtomicFiles.writeString(file, toJson());
    }

    @Override
    public String toString() {
        return "History(" + epochs.size() + " epochs" + (stopReason == null ? "" : ", stopped: " + stopReason) + ")";
    }
}
