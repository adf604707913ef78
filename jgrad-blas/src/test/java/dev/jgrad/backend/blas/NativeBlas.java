package dev.jgrad.backend.blas;

import static org.assertj.core.api.Assertions.fail;

import dev.jgrad.backend.Kernels;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The kernels the tests run: skipped where no native BLAS is installed, unless {@code JGRAD_REQUIRE_BLAS=1}
 * (set by CI, which installs OpenBLAS) turns that into a failure, so the native path can never go untested
 * there by accident.
 */
final class NativeBlas {

    private NativeBlas() {
    }

    /** Whether a missing native library must fail the tests rather than skip them. */
    static boolean required() {
        return "1".equals(System.getenv("JGRAD_REQUIRE_BLAS"));
    }

    /** Why the native kernels cannot run here, or empty when they can. */
    static Optional<String> unavailableReason() {
        BlasKernelProvider provider = new BlasKernelProvider();
        return provider.create().isPresent() ? Optional.empty() : Optional.of(provider.unavailableReason());
    }

    static BlasKernels kernels() {
        BlasKernelProvider provider = new BlasKernelProvider();
        Optional<Kernels> k = provider.create();
        if (k.isEmpty()) {
            if (required()) {
                fail("JGRAD_REQUIRE_BLAS=1 but " + provider.unavailableReason());
            }
            Assumptions.abort(provider.unavailableReason());
        }
        return (BlasKernels) k.get();
    }
}
