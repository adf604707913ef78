package dev.jgrad.tensor;

/**
 * A region of code in which ops record no graph: inference, optimizer updates, evaluation. Use with
 * try-with-resources: {@code try (var s = Tensor.noGrad()) { ... }}.
 */
public final class NoGradScope implements AutoCloseable {

    private final int[] depth;
    private boolean closed;

    NoGradScope(int[] depth) {
        this.depth = depth;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            depth[0]--;
        }
    }
}
