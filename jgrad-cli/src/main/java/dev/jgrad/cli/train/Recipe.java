package dev.jgrad.cli.train;

import dev.jgrad.cli.model.OptimizerKind;

/**
 * Defaults that depend on the data, used for every option the user did not give. Images get the Fashion-MNIST
 * recipe (two hidden layers of 256 and 128, batch 128, 10 epochs, Adam 1e-3, as PyTorch tutorials use); the small
 * 2D sets a small net trained longer with larger steps, so {@code jgrad train} alone finishes in seconds; CSV
 * files something in between.
 */
public record Recipe(int[] hidden, int batchSize, int epochs, double adamLrScale) {

    public static Recipe forKind(String dataKind) {
        return switch (dataKind) {
            case "idx" -> new Recipe(new int[]{256, 128}, 128, 10, 1);
            case "synthetic" -> new Recipe(new int[]{16, 16}, 32, 100, 10);
            default -> new Recipe(new int[]{32}, 32, 50, 10);
        };
    }

    /** Layer widths: the data's input width, the hidden layers, the output width. */
    public int[] layers(int inputs, int outputs) {
        int[] w = new int[hidden.length + 2];
        w[0] = inputs;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = outputs;
        return w;
    }

    /** The optimizer's usual learning rate, scaled up for adaptive methods on small data. */
    public double lr(OptimizerKind optimizer) {
        return optimizer == OptimizerKind.ADAM || optimizer == OptimizerKind.ADAMW || optimizer == OptimizerKind.RMSPROP
                ? optimizer.defaultLr() * adamLrScale : optimizer.defaultLr();
    }
}
