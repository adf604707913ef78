package dev.jgrad.playground.state;

import java.util.List;
import java.util.Set;

/**
 * The playground's own closed vocabularies: datasets, features, problems, regularizations. Activations, losses,
 * optimizers and initializers are the library's catalogs ({@link Catalogs}).
 */
public final class Choices {
    private Choices() {}

    /** Binary classification sets (labels 0/1). */
    public static final List<String> BINARY_DATASETS =
            List.of("circle", "xor", "gauss", "spiral", "moons", "checkerboard");
    /** k-class sets; their class count comes from {@code classes}. */
    public static final List<String> MULTI_CLASS_DATASETS = List.of("spirals", "blobs");
    /** Regression sets (targets in [-1, 1]). */
    public static final List<String> REGRESSION_DATASETS = List.of("plane", "multigauss");
    /** Points uploaded as CSV or painted from scratch; they travel inside the state. */
    public static final String CUSTOM = "custom";

    public static final List<String> FEATURES = List.of("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "r", "theta");
    public static final List<String> PROBLEMS = List.of("classification", "regression");
    public static final List<String> REGULARIZATIONS = dev.jgrad.nn.Regularization.entries().stream()
            .map(dev.jgrad.catalog.Catalog.Entry::name).toList();

    public static boolean isClassification(String dataset) {
        return BINARY_DATASETS.contains(dataset) || MULTI_CLASS_DATASETS.contains(dataset);
    }

    /** Binary sets, then the k-class ones: the picker's order. */
    public static List<String> classificationDatasets() {
        var all = new java.util.ArrayList<>(BINARY_DATASETS);
        all.addAll(MULTI_CLASS_DATASETS);
        return List.copyOf(all);
    }

    public static Set<String> allDatasets() {
        var all = new java.util.LinkedHashSet<String>();
        all.addAll(BINARY_DATASETS);
        all.addAll(MULTI_CLASS_DATASETS);
        all.addAll(REGRESSION_DATASETS);
        all.add(CUSTOM);
        return all;
    }
}
