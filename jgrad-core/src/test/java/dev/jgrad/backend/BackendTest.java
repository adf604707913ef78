package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void honorsRequestedReferenceKernels() {
        Backend.Choice choice = Backend.choose("reference");
        assertThat(choice.kernels().name()).isEqualTo("reference");
        assertThat(choice.reason()).contains("jgrad.kernels=reference");
    }

    @Test
    void requestIsCaseInsensitiveAndTrimmed() {
        assertThat(Backend.choose(" Reference ").kernels().name()).isEqualTo("reference");
    }

    @Test
    void unknownNameFallsBackAndIsReportedInTheReason() {
        Backend.Choice choice = Backend.choose("no-such-kernels");
        assertThat(choice.reason()).contains("no-such-kernels").contains("not available");
        assertThat(choice.kernels()).isNotNull();
        assertThat(choice.kernels().name()).isNotEqualTo("no-such-kernels");
    }

    @Test
    void javaKernelsAreTheBuiltInDefault() {
        assertThat(Backend.choose("java").kernels()).isInstanceOf(JavaKernels.class);
        // Without jgrad-simd on the class path the best built-in provider is the plain-Java one.
        if (Backend.providers().size() == BuiltinProviders.all().size()) {
            assertThat(Backend.choose(null).kernels().name()).isEqualTo("java");
        }
    }

    @Test
    void builtInProvidersAreListed() {
        assertThat(Backend.providers()).extracting(KernelProvider::name).contains("java", "reference");
    }

    /** A provider with costly start-up (a native library) below a working one is never even created. */
    @Test
    void providersAreTriedFromTheHighestPriorityDownOnlyUntilOneWorks() {
        List<String> created = new ArrayList<>();
        List<KernelProvider> providers = List.of(fake("low", 1, true, created), fake("top", 20, false, created),
                fake("mid", 10, true, created));
        List<String> skipped = new ArrayList<>();
        Backend.Choice choice = Backend.best(providers, skipped);
        assertThat(choice.kernels().name()).isEqualTo("java");
        assertThat(created).containsExactly("top", "mid");
        assertThat(choice.reason()).contains("top unavailable: top cannot run here");
    }

    private static KernelProvider fake(String name, int priority, boolean works, List<String> created) {
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
                created.add(name);
                return works ? Optional.of(new JavaKernels()) : Optional.empty();
            }

            @Override
            public String unavailableReason() {
                return name + " cannot run here";
            }
        };
    }
}
