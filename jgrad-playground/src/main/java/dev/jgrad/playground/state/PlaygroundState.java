package dev.jgrad.playground.state;

import java.util.List;
import java.util.Map;

/**
 * Everything the page shows, as one value: data, features, network shape, training hyper-parameters and view
 * switches. Seeds are part of it, so the same state always yields the same data and the same initial weights.
 * Activations, loss, optimizer and initializer are catalog specs ({@link Catalogs}), e.g. {@code leaky-relu:0.1}.
 *
 * @param dataset      one of {@link Choices#allDatasets()}
 * @param classes      class count for the k-class sets (spirals, blobs) and for custom classification data
 * @param noise        0..50, percent as in TensorFlow Playground
 * @param trainRatio   10..90, percent of points used for training
 * @param seed         data seed (generation and train/test split)
 * @param initSeed     weight-initialization and dropout seed
 * @param features     input features, a non-empty subset of {@link Choices#FEATURES}
 * @param layers       hidden layer sizes, 0..6 layers of 1..32 neurons
 * @param activations  one activation spec per hidden layer ({@code tanh}, {@code leaky-relu:0.1}, ...)
 * @param problem      classification or regression
 * @param loss         a loss spec the playground can draw ({@link Catalogs#loss})
 * @param optimizer    an optimizer spec ({@code sgd}, {@code momentum:0.9}, {@code adam}, ...)
 * @param initializer  an initializer spec for the weights ({@code glorot-uniform}, {@code uniform:-0.5,0.5}, ...)
 * @param biasInit     every bias's starting value (TensorFlow Playground: 0.1), -1..1
 * @param learningRate 0.00001..10
 * @param regularization none, l1 or l2 (on weights, not biases)
 * @param regRate      0..10
 * @param batchSize    1..30
 * @param dropout      0..0.9, after every hidden activation
 * @param speed        epochs trained between two frames of the stream, 1..100
 * @param targetLoss   training pauses once the training loss is at or below this; 0 = never
 * @param tfCompat     TensorFlow Playground's semantics for the controls it shares: its point counts (1200 for
 *                     regression), its L2 rate (penalty rate/2 sum w^2), no reshuffle between epochs, one seed
 * @param showTest     view switch: draw the test points
 * @param discretize   view switch: draw the output heatmap as classes
 * @param hide         controls hidden by the link (TF Playground's {@code *_hide=true}; {@code text} for hideText)
 * @param passthrough  link parameters kept only to be written back (TF's {@code tutorial}, {@code collectStats}, ...)
 * @param points       painted points added to the training set: {@code [x1, x2, label]} triples
 * @param custom       the whole data set when {@code dataset} is custom: {@code [x1, x2, label]} triples
 */
public record PlaygroundState(
        String dataset, int classes, int noise, int trainRatio, long seed, long initSeed,
        List<String> features, List<Integer> layers, List<String> activations,
        String problem, String loss, String optimizer, String initializer, double biasInit,
        double learningRate, String regularization, double regRate, int batchSize, double dropout, int speed,
        double targetLoss, boolean tfCompat,
        boolean showTest, boolean discretize, List<String> hide, Map<String, String> passthrough,
        List<List<Double>> points, List<List<Double>> custom) {

    /** TensorFlow Playground's opening setup: circle, 2 features -> 4 -> 2 -> 1, tanh, lr 0.03, its loss. */
    public static PlaygroundState defaults() {
        return new PlaygroundState("circle", 3, 0, 50, 1, 1,
                List.of("x1", "x2"), List.of(4, 2), List.of("tanh", "tanh"),
                "classification", "quadratic", "sgd", "glorot-uniform", 0,
                0.03, "none", 0, 10, 0, 1,
                0, false,
                false, false, List.of(), Map.of(), List.of(), List.of());
    }

    /** Number of classes the labels take (1 for regression). */
    public int numClasses() {
        if (problem.equals("regression")) return 1;
        if (Choices.MULTI_CLASS_DATASETS.contains(dataset) || dataset.equals(Choices.CUSTOM)) return classes;
        return 2;
    }

    /** Width of the output layer: one logit per class for cross-entropy, otherwise a single unit. */
    public int outputSize() {
        return Catalogs.perClassOutputs(loss) ? Math.max(2, numClasses()) : 1;
    }

    /** The same state with its catalog specs replaced (the validator's canonical spelling). */
    PlaygroundState withSpecs(List<String> activations, String loss, String optimizer, String initializer) {
        return new PlaygroundState(dataset, classes, noise, trainRatio, seed, initSeed, features, layers, activations,
                problem, loss, optimizer, initializer, biasInit, learningRate, regularization, regRate, batchSize,
                dropout, speed, targetLoss, tfCompat, showTest, discretize, hide, passthrough, points, custom);
    }
}
