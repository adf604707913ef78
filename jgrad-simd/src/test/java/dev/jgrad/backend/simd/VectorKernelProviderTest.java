package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;
import dev.jgrad.backend.Kernels;
import dev.jgrad.backend.ProviderProbe;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VectorKernelProviderTest {

    @Test
    void isFoundByServiceLoaderAndCreatesVectorKernels() {
        KernelProvider simd = Backend.providers().stream().filter(p -> p.name().equals("simd")).findFirst()
                .orElseThrow();
        assertThat(simd).isInstanceOf(VectorKernelProvider.class);
        assertThat(simd.priority()).isEqualTo(10);
        Optional<Kernels> kernels = simd.create();
        // The build machine has AVX2 or better; the test JVM runs with --add-modules jdk.incubator.vector.
        assertThat(kernels).as(simd.unavailableReason()).isPresent();
        assertThat(kernels.get()).isInstanceOf(VectorKernels.class);
        assertThat(kernels.get().name()).isEqualTo("simd");
        assertThat(simd.unavailableReason()).isEmpty();
    }

    @Test
    void backendPrefersSimdWhenAvailable() {
        if (System.getProperty("jgrad.kernels") == null && System.getenv("JGRAD_KERNELS") == null) {
            assertThat(Backend.kernels().name()).isEqualTo("simd");
        }
    }

    @Test
    void interpreterAndC1OnlyAreRejected() {
        assertThat(VectorKernelProvider.jitReason("interpreted mode, sharing", List.of()))
                .contains("interpreted");
        assertThat(VectorKernelProvider.jitReason("mixed mode", List.of("-XX:TieredStopAtLevel=1")))
                .contains("TieredStopAtLevel=1");
        assertThat(VectorKernelProvider.jitReason("mixed mode, sharing", List.of("-Xmx1g"))).isNull();
        assertThat(VectorKernelProvider.jitReason("mixed mode", List.of("-XX:TieredStopAtLevel=4"))).isNull();
    }

    @Test
    void speciesCheckAcceptsThisMachine() {
        assertThat(VectorSupport.unsuitableReason()).isNull();
        assertThat(VectorSupport.describe()).contains("-bit vectors");
    }

    /**
     * The provider class must load and explain itself in a JVM without the incubator module: run a child JVM
     * without --add-modules and read what it reports.
     */
    @Test
    void withoutTheModuleTheProviderLoadsAndSaysWhy() throws Exception {
        assertThat(ProviderProbe.run("simd"))
                .contains("simd present=false reason=jdk.incubator.vector is not in the boot layer")
                .contains("chosen=java");
    }
}
