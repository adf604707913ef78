package dev.jgrad.tensor;

/**
 * Whether ops record the graph for backward on the current thread. Per thread (like PyTorch's grad mode), so
 * an inference thread in {@code noGrad} never disturbs a training thread.
 */
final class GradMode {

    private static final ThreadLocal<int[]> DISABLED_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private GradMode() {
    }

    static boolean enabled() {
        return DISABLED_DEPTH.get()[0] == 0;
    }

    /** Disables recording until the returned scope is closed; scopes nest. */
    static NoGradScope disable() {
        int[] depth = DISABLED_DEPTH.get();
        depth[0]++;
        return new NoGradScope(depth);
    }
}
