package dev.jgrad.playground.engine;

import dev.jgrad.playground.data.Grid;
import dev.jgrad.playground.state.PlaygroundState;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** One network being trained on one data split. Not thread-safe: the session serializes calls. */
public interface Engine {

    /** Replaces the data (painted points) without touching the weights. */
    void setData(dev.jgrad.playground.data.DataSplit data);

    /** Trains one epoch: a shuffled pass over the training set in minibatches. */
    void trainEpoch();

    /** Epochs trained since the weights were initialized. */
    int epoch();

    /** Losses, metrics, weights, the output over {@code grid} and every hidden neuron's over {@code hiddenGrid}, in eval mode. */
    Snapshot snapshot(Grid grid, Grid hiddenGrid);

    /** Losses and metrics only: cheap enough to take after every epoch. */
    Snapshot.Scores scores();

    /** Sets a weight ({@code from >= 0}) or a bias ({@code from == -1}) of layer {@code layer} (0 = first Linear). */
    void setWeight(int layer, int to, int from, float value);

    /** Applies hyper-parameters that need no new weights: learning rate, regularization, batch size, optimizer. */
    void retune(PlaygroundState state);

    int parameterCount();

    /** Every weight and bias, layer by layer (weight rows, then bias): what a share link and an export carry. */
    float[] parameters();

    /** Sets every weight and bias from {@link #parameters()}'s layout. @throws IllegalArgumentException on a size mismatch */
    void setParameters(float[] values);

    /** Continues the epoch count of a loaded model. */
    void setEpoch(int epoch);

    /**
     * Writes the network as a jgrad model file whose model card (the dialect the command line reads too) records the
     * state, so loading it restores the setup and {@code jgrad predict} reads its outputs right; {@code extras} go
     * into the card's playground section (the loss history, say).
     */
    void save(Path file, Map<String, Object> extras) throws IOException;
}
