package dev.jgrad.playground.state;

import java.util.List;

/**
 * Everything the page shows, as one value: data, features, network shape, training hyper-parameters and view
 * switches. Seeds are part of it, so the same state always yields the same data and the same initial weights.
 *
 * @param dataset      one of {@link Choices#allDatasets()}
 * @param classes      class count for the k-class sets (spirals, blobs) and for custom classification data
 * @param noise        0..50, percent as in TensorFlow Playground
 * @param trainRatio   10..90, percent of points used for training
 * @param seed         data seed (generation and train/test split)
 * @param initSeed     weight-initialization and dropout seed
 * @param features     input features, a non-empty subset of {@link Choices#FEATURES}
 * @param layers       hidden layer sizes, 0..6 layers of 1..32 neurons
 * @param activations  one activation per hidden layer
 * @param problem      classification or regression
 * @param loss         see {@link Choices#LOSSES}
 * @param optimizer    see {@link Choices#OPTIMIZERS}
 * @param initializer  see {@link Choices#INITIALIZERS}
 * @param learningRate 0.00001..10
 * @param regularization none, l1 or l2 (on weights, not biases)
 * @param regRate      0..10
 * @param batchSize    1..30
 * @param dropout      0..0.9, after every hidden activation
 * @param speed        epochs trained between two frames of the stream, 1..100
 * @param showTest     view switch: draw the test points
 * @param discretize   view switch: draw the output heatmap as classes
 * @param points       painted points added to the training set: {@code [x1, x2, label]} triples
 * @param custom       the whole data set when {@code dataset} is custom: {@code [x1, x2, label]} triples
 */
public record PlaygroundState(
        String dataset, int classes, int noise, int trainRatio, long seed, long initSeed,
        List<String> features, List<Integer> layers, List<String> activations,
        String problem, String loss, String optimizer, String initializer,
        double learningRate, String regularization, double regRate, int batchSize, double dropout, int speed,
        boolean showTest, boolean discretize,
        List<List<Double>> points, List<List<Double>> custom) {

    /** TensorFlow Playground's opening setup: circle, 2 features -> 4 -> 2 -> 1, tanh, lr 0.03. */
    public static PlaygroundState defaults() {
        return new PlaygroundState("circle", 3, 0, 50, 1, 1,
                List.of("x1", "x2"), List.of(4, 2), List.of("tanh", "tanh"),
                "classification", "mse", "sgd", "glorot",
                0.03, "none", 0, 10, 0, 1,
                false, false, List.of(), List.of());
    }

    /** Number of classes the labels take (1 for regression). */
    public int numClasses() {
        if (problem.equals("regression")) return 1;
        if (Choices.MULTI_CLASS_DATASETS.contains(dataset) || dataset.equals(Choices.CUSTOM)) return classes;
        return 2;
    }

    /** Width of the output layer: one logit per class for cross-entropy, otherwise a single unit. */
    public int outputSize() {
        return loss.equals("crossentropy") ? Math.max(2, numClasses()) : 1;
    }
}
