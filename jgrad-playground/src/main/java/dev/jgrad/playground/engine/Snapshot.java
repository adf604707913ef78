package dev.jgrad.playground.engine;

import java.util.List;

/**
 * What the page needs from a network at one moment.
 *
 * @param scores  losses and metrics
 * @param weights one entry per Linear layer, input to output
 * @param hidden  per hidden layer, per neuron: its activation at every grid cell
 * @param output  the output over the grid: one map of values in [-1, 1] for binary classification and regression,
 *                or one probability map per class for k-class cross-entropy
 */
public record Snapshot(Scores scores, List<LayerWeights> weights, List<float[][]> hidden, float[][] output) {

    /**
     * Losses (the training loss without the regularization term) and metrics.
     *
     * @param confusion test-set confusion matrix {@code [actual][predicted]} (train set if there is no test set);
     *                  null for regression
     * @param trainAccuracy NaN for regression; {@code r2Train}/{@code r2Test} NaN for classification
     */
    public record Scores(int epoch, double trainLoss, double testLoss,
                         double trainAccuracy, double testAccuracy, double r2Train, double r2Test, int[][] confusion) {
        public boolean finite() {
            return Double.isFinite(trainLoss) && Double.isFinite(testLoss);
        }
    }
}
