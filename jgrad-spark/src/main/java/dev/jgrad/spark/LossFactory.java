package dev.jgrad.spark;

import dev.jgrad.nn.loss.Loss;

import java.io.Serializable;

/** Builds the loss on every worker, e.g. {@code CrossEntropyLoss::new}. */
@FunctionalInterface
public interface LossFactory extends Serializable {
    Loss create();
}
