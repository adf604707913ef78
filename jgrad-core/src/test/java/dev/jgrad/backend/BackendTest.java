package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;

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
}
