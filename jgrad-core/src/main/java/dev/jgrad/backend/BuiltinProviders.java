package dev.jgrad.backend;

import java.util.List;
import java.util.Optional;

/** The providers that ship inside jgrad-core: the plain-Java kernels and the reference. */
final class BuiltinProviders {

    private BuiltinProviders() {
    }

    static List<KernelProvider> all() {
        return List.of(simple("java", 0, new JavaKernels()), simple("reference", -100, new ReferenceKernels()));
    }

    private static KernelProvider simple(String name, int priority, Kernels kernels) {
        return new KernelProvider() {
            @Override
            public int priority() {
                return priority;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<Kernels> create() {
                return Optional.of(kernels);
            }

            @Override
            public String unavailableReason() {
                return "";
            }
        };
    }
}
