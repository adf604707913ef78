package dev.jgrad.playground.engine;

import dev.jgrad.playground.data.DataSplit;
import dev.jgrad.playground.state.PlaygroundState;

/** Builds a freshly initialized engine for a state and its data; the seed in the state fixes the initial weights. */
@FunctionalInterface
public interface EngineFactory {
    Engine create(PlaygroundState state, DataSplit data);
}
