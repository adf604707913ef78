package dev.jgrad.bench;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;
import dev.jgrad.backend.Kernels;

/** Looks kernels up by provider name ("java", "simd", "reference"), failing with the provider's reason. */
final class BenchKernels {

    private BenchKernels() {
    }

    static Kernels byName(String name) {
        for (KernelProvider p : Backend.providers()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.create().orElseThrow(() -> new IllegalStateException(
                        "kernels '" + name + "' unavailable: " + p.unavailableReason()));
            }
        }
        throw new IllegalArgumentException("no kernels named '" + name + "'");
    }
}
