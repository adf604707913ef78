package dev.jgrad.backend;

import java.util.Optional;

/**
 * A source of {@link Kernels}, found through {@link java.util.ServiceLoader} (for example the Vector API
 * kernels in {@code jgrad-simd} or a native BLAS backend). A provider that cannot run here says why.
 */
public interface KernelProvider {

    /** Larger wins when several providers can run; the built-in Java kernels have priority 0. */
    int priority();

    /** The provider's name, as accepted by {@code -Djgrad.kernels=NAME}. */
    String name();

    /** The kernels, or empty with {@link #unavailableReason()} explaining why they cannot run in this JVM. */
    Optional<Kernels> create();

    /** Why {@link #create()} returned empty, for the log line that reports the choice. */
    String unavailableReason();
}
