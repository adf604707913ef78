package dev.jgrad.data;

import java.util.Objects;

/** The three parts of a train / validation / test split, see {@link Dataset#trainValidationTest(long)}. */
public record DatasetSplits(Dataset train, Dataset validation, Dataset test) {
    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
    }
}
