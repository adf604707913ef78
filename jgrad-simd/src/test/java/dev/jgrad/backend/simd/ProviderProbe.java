package dev.jgrad.backend.simd;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;

/**
 * Run in a child JVM by {@link VectorKernelProviderTest}: prints what the ServiceLoader-found provider says,
 * and which kernels Backend picks, so the test can check a JVM without the Vector API module.
 */
public final class ProviderProbe {

    private ProviderProbe() {
    }

    public static void main(String[] args) {
        for (KernelProvider p : Backend.providers()) {
            if (p.name().equals("simd")) {
                System.out.println("simd present=" + p.create().isPresent() + " reason=" + p.unavailableReason());
            }
        }
        System.out.println("chosen=" + Backend.choice().kernels().name() + " because " + Backend.choice().reason());
    }
}
