package dev.jgrad.backend.blas;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;

/** Run in a child JVM by {@link BlasKernelProviderTest}: prints what the provider says and what Backend picks. */
public final class BlasProbe {

    private BlasProbe() {
    }

    public static void main(String[] args) {
        for (KernelProvider p : Backend.providers()) {
            if (p.name().equals("blas")) {
                System.out.println("blas present=" + p.create().isPresent() + " reason=" + p.unavailableReason());
            }
        }
        System.out.println("chosen=" + Backend.choice().kernels().name() + " because " + Backend.choice().reason());
    }
}
