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

    private static final java.util.concurrent.atomic.AtomicBoolean SAID = new java.util.concurrent.atomic.AtomicBoolean();

    /** Why the native kernels cannot run here, or empty when they can. */
    static Optional<String> unavailableReason() {
        BlasKernelProvider provider = new BlasKernelProvider();
        if (provider.create().isPresent()) {
            return Optional.empty();
        }
        sayOnce(provider.unavailableReason());
        return Optional.of(provider.unavailableReason());
    }

    /**
     * Hundreds of tests skip for this one reason; the build log gets one line saying why and how to run them,
     * instead of a bare skip count.
     */
    static void sayOnce(String reason) {
        if (!required()) {
            sayOnce(reason, SAID, System.err);
        }
    }

    /** Prints {@link #skipLine} to {@code err} unless {@code said} was already set. */
    static void sayOnce(String reason, java.util.concurrent.atomic.AtomicBoolean said, java.io.PrintStream err) {
        if (said.compareAndSet(false, true)) {
            err.println(skipLine(reason));
        }
    }

    /** Why the tests skip and how to run them, in one line. */
    static String skipLine(String reason) {
        return "jgrad-blas: skipping the native BLAS tests: " + reason + ". To run them, install a"
                + " BLAS (Debian: apt-get install libopenblas0-pthread); JGRAD_REQUIRE_BLAS=1 makes a missing one"
                + " a failure.";
    }

    static BlasKernels kernels() {
        BlasKernelProvider provider = new BlasKernelProvider();
        Optional<Kernels> k = provider.create();
        if (k.isEmpty()) {
            if (required()) {
                fail("JGRAD_REQUIRE_BLAS=1 but " + provider.unavailableReason());
            }
            sayOnce(provider.unavailableReason());
            Assumptions.abort(provider.unavailableReason());
        }
        return (BlasKernels) k.get();
    }
}
