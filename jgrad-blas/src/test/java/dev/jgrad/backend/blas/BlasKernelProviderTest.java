package dev.jgrad.backend.blas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;
import dev.jgrad.backend.ProviderProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlasKernelProviderTest {

    @Test
    void isFoundByServiceLoaderBelowSimdAndAboveJava() {
        KernelProvider blas = Backend.providers().stream().filter(p -> p.name().equals("blas")).findFirst()
                .orElseThrow();
        assertThat(blas).isInstanceOf(BlasKernelProvider.class);
        assertThat(blas.priority()).isBetween(1, 9);
    }

    @Test
    void itWrapsTheBestOtherKernelsAndNamesTheLibrary() {
        BlasKernels k = NativeBlas.kernels(); // skip without a native BLAS
        // jgrad-simd is not on this module's class path, so the best other kernels are the plain-Java ones.
        assertThat(k.delegate().name()).isEqualTo("java");
        assertThat(k.describe()).startsWith("blas (sgemm from /").contains("OPENBLAS_NUM_THREADS")
                .contains("products under 4096 multiply-adds").contains("all other loops on java");
    }

    @Test
    void withoutTheVectorApiItIsTheDefaultAndItCanBeRequested() throws Exception {
        NativeBlas.kernels();
        assertThat(ProviderProbe.run("blas", "-Djgrad.kernels=blas")).contains("chosen=blas because requested with jgrad.kernels=blas");
        assertThat(ProviderProbe.run("blas")).contains("chosen=blas because highest-priority available provider");
    }

    @Test
    void mapsLinesNameTheBlasLibraryNotNetlibsShim() {
        List<String> maps = List.of(
                "7f24 r-xp 00000000 fe:00 1  /tmp/jniloader123/libnetlibblasjni.so",
                "7f25 r--p 00000000 fe:00 2  /usr/lib/x86_64-linux-gnu/libm.so.6",
                "7f26 r--p 00000000 fe:00 3  /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so",
                "7f27 rw-p 00000000 00:00 0  [heap]");
        assertThat(BlasKernelProvider.libraryIn(maps))
                .contains("/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so");
        assertThat(BlasKernelProvider.libraryIn(List.of("7f27 rw-p 0 00:00 0  [heap]"))).isEmpty();
    }

    @Test
    void rejectsANegativeThreshold() {
        assertThatThrownBy(() -> new BlasKernels(null, null, -1, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minNativeWork");
    }

    /** A JVM whose BLAS cannot load says why in the backend's reason and runs on plain Java. */
    @Test
    void withoutANativeLibraryTheReasonSaysWhatToInstall() throws Exception {
        String out = ProviderProbe.run("blas", "-Ddev.ludovic.netlib.blas.nativeLib=libjgrad-no-such-blas.so");
        assertThat(out).contains("blas present=false")
                .contains("libjgrad-no-such-blas.so").contains("install libopenblas0-pthread")
                .contains("chosen=java");
    }

    @Test
    void aMalformedThresholdIsReportedNotThrown() throws Exception {
        NativeBlas.kernels();
        String out = ProviderProbe.run("blas", "-Djgrad.blas.minWork=lots");
        assertThat(out).contains("blas present=false")
                .contains("-Djgrad.blas.minWork must be a whole number of multiply-adds, got 'lots'");
    }
}
