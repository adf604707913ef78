package dev.jgrad.spark;

import dev.jgrad.nn.Module;

import java.io.Serializable;

/** Builds the network on the driver and on every worker (the same layers; the weights come from the checkpoint). */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    Module create();
}
