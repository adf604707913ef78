package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link KernelProvider} says in a JVM set up differently from the test's (no Vector API module, a
 * missing native library, a bad property): {@link #run} starts a child JVM on this main, which prints
 * {@code NAME present=... reason=...} for the named provider and {@code chosen=... because ...} for
 * {@link Backend}'s choice.
 */
public final class ProviderProbe {

    private ProviderProbe() {
    }

    public static void main(String[] args) {
        for (KernelProvider p : Backend.providers()) {
            if (p.name().equals(args[0])) {
                System.out.println(p.name() + " present=" + p.create().isPresent() + " reason="
                        + p.unavailableReason());
            }
        }
        System.out.println("chosen=" + Backend.choice().kernels().name() + " because " + Backend.choice().reason());
    }

    /**
     * Runs the probe for {@code providerName} in a child JVM with the test's class path and {@code jvmArgs}
     * (and nothing else: no {@code --add-modules}), checks that it exits cleanly and returns its output.
     */
    public static String run(String providerName, String... jvmArgs) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmArgs));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ProviderProbe.class.getName());
        cmd.add(providerName);
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(out).isZero();
        return out;
    }
}
