package dev.jgrad.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Per-feature scaling {@code x' = (x - offset[j]) / scale[j]}, fitted on the training split only and then applied
 * unchanged to validation, test and prediction inputs (fitting on all data would leak test statistics).
 *
 * <p>{@link Kind#STANDARDIZE}: offset = mean, scale = population standard deviation. {@link Kind#MIN_MAX}: offset
 * = min, scale = max - min, mapping the training range to [0, 1]. {@link Kind#NONE}: identity. A constant column
 * (scale of at most 1e-12) gets scale 1, so it becomes 0 instead of NaN. Statistics are computed in double.
 *
 * <p>{@link #toMap()} / {@link #toJson()} and {@link #fromMap(Map)} / {@link #fromJson(String)} save it next to a
 * model; doubles print in {@link Double#toString} form, so the round trip is exact.
 */
public final class Scaler {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The scaling method. */
    public enum Kind {
        STANDARDIZE, MIN_MAX, NONE;

        /** Lower-case, dash-separated name used in saved maps and on the command line: {@code min-max}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Parses {@link #id()} or the enum name. */
        public static Kind parse(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Kind k : values()) {
                if (k.id().equals(t)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown scaler '" + s + "'; known: standardize, min-max, none");
        }
    }

    private static final double MIN_SCALE = 1e-12;

    private final Kind kind;
    private final double[] offset;
    private final double[] scale;

    private Scaler(Kind kind, double[] offset, double[] scale) {
        this.kind = kind;
        this.offset = offset;
        this.scale = scale;
    }

    /** Fits on the features of {@code train}. */
    public static Scaler fit(Kind kind, Dataset train) {
        return fit(kind, train.featuresRef(), train.numFeatures());
    }

    /** Fits on row-major {@code features} with {@code numFeatures} columns (at least one row). */
    public static Scaler fit(Kind kind, float[] features, int numFeatures) {
        Objects.requireNonNull(kind, "kind");
        if (numFeatures <= 0 || features.length % numFeatures != 0) {
            throw new IllegalArgumentException("Scaler.fit: " + features.length + " values is not a whole number of "
                    + numFeatures + "-feature rows");
        }
        int n = features.length / numFeatures;
        if (n == 0) {
            throw new IllegalArgumentException("Scaler.fit: no rows to fit on");
        }
        double[] offset = new double[numFeatures];
        double[] scale = new double[numFeatures];
        for (int j = 0; j < numFeatures; j++) {
            switch (kind) {
                case NONE -> scale[j] = 1;
                case STANDARDIZE -> {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += features[i * numFeatures + j];
                    }
                    double mean = sum / n;
                    double sq = 0;
                    for (int i = 0; i < n; i++) {
                        double dev = features[i * numFeatures + j] - mean;
                        sq += dev * dev;
                    }
                    offset[j] = mean;
                    scale[j] = safeScale(Math.sqrt(sq / n));
                }
                case MIN_MAX -> {
                    double min = Double.POSITIVE_INFINITY;
                    double max = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double v = features[i * numFeatures + j];
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                    }
                    offset[j] = min;
                    scale[j] = safeScale(max - min);
                }
            }
        }
        return new Scaler(kind, offset, scale);
    }

    private static double safeScale(double s) {
        return s > MIN_SCALE ? s : 1; // also maps NaN to 1
    }

    public Kind kind() {
        return kind;
    }

    public int numFeatures() {
        return offset.length;
    }

    /** Per-feature offsets (mean or min), a copy. */
    public double[] offsets() {
        return offset.clone();
    }

    /** Per-feature divisors (std or range, 1 for constant columns), a copy. */
    public double[] scales() {
        return scale.clone();
    }

    /** Scaled copy of row-major {@code features} (any number of rows, including a single one). */
    public float[] transform(float[] features) {
        int d = checkWidth(features);
        float[] out = new float[features.length];
        for (int i = 0; i < features.length; i++) {
            int j = i % d;
            out[i] = (float) ((features[i] - offset[j]) / scale[j]);
        }
        return out;
    }

    /** The dataset with scaled features; labels, targets and names unchanged. */
    public Dataset transform(Dataset data) {
        if (data.numFeatures() != offset.length) {
            throw new IllegalArgumentException("Scaler.transform: fitted on " + offset.length
                    + " features, dataset has " + data.numFeatures());
        }
        return data.withFeatures(transform(data.featuresRef()));
    }

    /** Scaled copy of a {@code [n, numFeatures]} (or {@code [numFeatures]}) tensor, e.g. inputs at prediction time. */
    public Tensor transform(Tensor features) {
        int[] shape = features.shape();
        if (shape.length == 0 || shape[shape.length - 1] != offset.length) {
            throw new IllegalArgumentException("Scaler.transform: fitted on " + offset.length
                    + " features, tensor has shape " + Arrays.toString(shape));
        }
        return Tensor.of(transform(features.toArray()), shape);
    }

    /** Undoes {@link #transform(float[])}. */
    public float[] inverseTransform(float[] scaled) {
        int d = checkWidth(scaled);
        float[] out = new float[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            int j = i % d;
            out[i] = (float) (scaled[i] * scale[j] + offset[j]);
        }
        return out;
    }

    private int checkWidth(float[] features) {
        int d = offset.length;
        if (features.length % d != 0) {
            throw new IllegalArgumentException("Scaler: " + features.length + " values is not a whole number of "
                    + d + "-feature rows");
        }
        return d;
    }

    /** {@code {"kind": "standardize", "offset": [..], "scale": [..]}} with {@code List<Double>} values. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.id());
        m.put("offset", toList(offset));
        m.put("scale", toList(scale));
        return m;
    }

    /**
     * Reads {@link #toMap()}'s format (and the plural keys {@code offsets}/{@code scales} of early format-2 model
     * files); numbers may be any {@link Number}s, lists or double arrays.
     */
    public static Scaler fromMap(Map<String, ?> map) {
        Object kindValue = map.get("kind");
        if (!(kindValue instanceof String k)) {
            throw new IllegalArgumentException("Scaler.fromMap: missing string 'kind' in " + map.keySet());
        }
        Kind kind = Kind.parse(k);
        // "offsets"/"scales": the spelling of the first format-2 files (the model-v2 fixture), still read.
        double[] offset = toDoubles(map.containsKey("offset") ? map.get("offset") : map.get("offsets"), "offset");
        double[] scale = toDoubles(map.containsKey("scale") ? map.get("scale") : map.get("scales"), "scale");
        if (offset.length != scale.length || offset.length == 0) {
            throw new IllegalArgumentException("Scaler.fromMap: offset has " + offset.length + " values, scale has "
                    + scale.length);
        }
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(offset[j]) || !Double.isFinite(scale[j]) || scale[j] == 0) {
                throw new IllegalArgumentException("Scaler.fromMap: feature " + j + " has offset " + offset[j]
                        + " and scale " + scale[j] + "; expected finite values and a non-zero scale");
            }
        }
        return new Scaler(kind, offset, scale);
    }

    /** {@link #toMap()} as a JSON object. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toMap());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Scaler.toJson: " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@link #toJson()}. */
    public static Scaler fromJson(String json) {
        Map<String, Object> map;
        try {
            map = JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Scaler.fromJson: not a JSON object: " + e.getOriginalMessage(), e);
        }
        return fromMap(map);
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static double[] toDoubles(Object value, String key) {
        if (value instanceof double[] a) {
            return a.clone();
        }
        if (value instanceof float[] a) {
            double[] out = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i];
            }
            return out;
        }
        if (value instanceof List<?> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(list.get(i) instanceof Number num)) {
                    throw new IllegalArgumentException("Scaler.fromMap: '" + key + "'[" + i + "] is not a number: "
                            + list.get(i));
                }
                out[i] = num.doubleValue();
            }
            return out;
        }
        throw new IllegalArgumentException("Scaler.fromMap: '" + key + "' must be a list of numbers, got " + value);
    }

    @Override
    public String toString() {
        return "Scaler[" + kind.id() + ", " + offset.length + " features]";
    }
}
