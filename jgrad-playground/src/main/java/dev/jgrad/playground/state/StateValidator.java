package dev.jgrad.playground.state;

import java.util.HashSet;
import java.util.List;

/** Checks every field of a {@link PlaygroundState} against its range; the message names the field and the bound. */
public final class StateValidator {
    private StateValidator() {}

    /** @throws IllegalArgumentException naming the first offending field */
    public static PlaygroundState validate(PlaygroundState s) {
        oneOf("dataset", s.dataset(), List.copyOf(Choices.allDatasets()));
        range("classes", s.classes(), Limits.MIN_CLASSES, Limits.MAX_CLASSES);
        range("noise", s.noise(), 0, Limits.MAX_NOISE);
        range("trainRatio", s.trainRatio(), Limits.MIN_TRAIN_RATIO, Limits.MAX_TRAIN_RATIO);
        range("seed", s.seed(), 0, Limits.MAX_SEED);
        range("initSeed", s.initSeed(), 0, Limits.MAX_SEED);
        notNull("features", s.features());
        if (s.features().isEmpty()) throw bad("features: choose at least one input feature");
        for (String f : s.features()) oneOf("features", f, Choices.FEATURES);
        if (new HashSet<>(s.features()).size() != s.features().size()) throw bad("features: duplicates in " + s.features());
        notNull("layers", s.layers());
        notNull("activations", s.activations());
        if (s.layers().size() > Limits.MAX_LAYERS) throw bad("layers: at most " + Limits.MAX_LAYERS + " hidden layers, got " + s.layers().size());
        for (Integer n : s.layers()) {
            if (n == null) throw bad("layers: null size");
            range("layers[]", n, 1, Limits.MAX_NEURONS);
        }
        if (s.activations().size() != s.layers().size())
            throw bad("activations: need one per hidden layer (" + s.layers().size() + "), got " + s.activations().size());
        List<String> activations = new java.util.ArrayList<>();
        for (String a : s.activations()) activations.add(Catalogs.activation(a));
        oneOf("problem", s.problem(), Choices.PROBLEMS);
        s = s.withSpecs(List.copyOf(activations), Catalogs.loss(s.loss()), Catalogs.optimizer(s.optimizer()),
                Catalogs.initializer(s.initializer()));
        range("biasInit", s.biasInit(), -Limits.MAX_BIAS_INIT, Limits.MAX_BIAS_INIT);
        range("learningRate", s.learningRate(), Limits.MIN_LR, Limits.MAX_LR);
        oneOf("regularization", s.regularization(), Choices.REGULARIZATIONS);
        range("regRate", s.regRate(), 0, Limits.MAX_REG_RATE);
        range("batchSize", s.batchSize(), Limits.MIN_BATCH, Limits.MAX_BATCH);
        range("dropout", s.dropout(), 0, Limits.MAX_DROPOUT);
        range("speed", s.speed(), Limits.MIN_SPEED, Limits.MAX_SPEED);
        range("targetLoss", s.targetLoss(), 0, Limits.MAX_TARGET_LOSS);
        notNull("hide", s.hide());
        if (s.hide().size() > Limits.MAX_LINK_EXTRAS) throw bad("hide: at most " + Limits.MAX_LINK_EXTRAS + " controls");
        for (String h : s.hide()) if (h == null || !h.matches("[A-Za-z][A-Za-z0-9]{0,39}")) throw bad("hide: '" + h + "' is not a control name");
        notNull("passthrough", s.passthrough());
        if (s.passthrough().size() > Limits.MAX_LINK_EXTRAS) throw bad("passthrough: at most " + Limits.MAX_LINK_EXTRAS + " parameters");
        for (var e : s.passthrough().entrySet()) {
            if (e.getKey() == null || !e.getKey().matches("[A-Za-z][A-Za-z0-9_]{0,39}") || e.getValue() == null
                    || e.getValue().length() > 200) throw bad("passthrough: '" + e.getKey() + "' is not a link parameter");
        }
        checkProblem(s);
        notNull("points", s.points());
        notNull("custom", s.custom());
        checkPoints("points", s.points(), s);
        checkPoints("custom", s.custom(), s);
        if (s.dataset().equals(Choices.CUSTOM) && s.custom().size() < 2)
            throw bad("custom: the custom data set needs at least 2 points, got " + s.custom().size());
        if (!s.dataset().equals(Choices.CUSTOM) && !s.custom().isEmpty())
            throw bad("custom: points are only allowed when dataset is 'custom'");
        if (s.points().size() + s.custom().size() > Limits.MAX_CUSTOM_POINTS)
            throw bad("points: at most " + Limits.MAX_CUSTOM_POINTS + " painted/uploaded points");
        return s;
    }

    private static void checkProblem(PlaygroundState s) {
        boolean regression = s.problem().equals("regression");
        if (!s.dataset().equals(Choices.CUSTOM)) {
            if (regression && Choices.isClassification(s.dataset()))
                throw bad("problem: dataset '" + s.dataset() + "' is for classification");
            if (!regression && Choices.REGRESSION_DATASETS.contains(s.dataset()))
                throw bad("problem: dataset '" + s.dataset() + "' is for regression");
        }
        Catalogs.checkFits(s.loss(), regression, s.numClasses());
    }

    private static void checkPoints(String field, List<List<Double>> pts, PlaygroundState s) {
        boolean regression = s.problem().equals("regression");
        for (int i = 0; i < pts.size(); i++) {
            List<Double> p = pts.get(i);
            if (p == null || p.size() != 3 || p.contains(null))
                throw bad(field + "[" + i + "]: expected [x1, x2, label]");
            double x = p.get(0), y = p.get(1), label = p.get(2);
            if (!(Math.abs(x) <= Limits.DOMAIN && Math.abs(y) <= Limits.DOMAIN))
                throw bad(field + "[" + i + "]: coordinates must lie in [-6, 6], got (" + x + ", " + y + ")");
            if (regression) {
                if (!(label >= -1 && label <= 1)) throw bad(field + "[" + i + "]: regression target must lie in [-1, 1], got " + label);
            } else if (label != Math.rint(label) || label < 0 || label >= s.numClasses()) {
                throw bad(field + "[" + i + "]: class label must be an integer in [0, " + (s.numClasses() - 1) + "], got " + label);
            }
        }
    }

    private static void range(String field, double v, double lo, double hi) {
        if (!(v >= lo && v <= hi)) throw bad(field + ": must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
    }

    private static void oneOf(String field, String v, List<String> allowed) {
        if (v == null || !allowed.contains(v)) throw bad(field + ": must be one of " + allowed + ", got '" + v + "'");
    }

    private static void notNull(String field, Object v) {
        if (v == null) throw bad(field + ": missing");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static IllegalArgumentException bad(String msg) {
        return new IllegalArgumentException(msg);
    }
}
