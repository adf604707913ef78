package dev.jgrad.backend.blas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: hundreds of native-BLAS tests skipped on a developer's machine with no word why. The first skip now
 * prints one line with the reason and how to run them; the others print nothing more.
 */
class SkipNoticeTest {

    @Test
    void theFirstSkipSaysWhyAndHowToRunThemAndTheRestStayQuiet() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        AtomicBoolean said = new AtomicBoolean();
        for (int i = 0; i < 700; i++) {
            NativeBlas.sayOnce("no native BLAS library found (tried libblas.so.3)", said, err);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "jgrad-blas: skipping the native BLAS tests: no native BLAS library found (tried libblas.so.3). To run"
                        + " them, install a BLAS (Debian: apt-get install libopenblas0-pthread); JGRAD_REQUIRE_BLAS=1"
                        + " makes a missing one a failure.");
    }
}
