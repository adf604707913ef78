package dev.jgrad.backend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Chooses the {@link Kernels} once per JVM and says which and why.
 *
 * <p>The choice: {@code -Djgrad.kernels=NAME} (or {@code JGRAD_KERNELS}) if set, otherwise the available
 * provider with the highest priority ({@code jgrad-simd} when the Vector API module is present), otherwise the
 * built-in plain-Java kernels. The choice is immutable after the first use and logged at INFO.
 */
public final class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class.getName());

    private Backend() {
    }

    /** The chosen kernels together with the reason, for logs, errors and benchmark tables. */
    public record Choice(Kernels kernels, String reason) {
    }

    private static final class Holder {
        static final Choice CHOICE = choose(System.getProperty("jgrad.kernels", System.getenv("JGRAD_KERNELS")));

        static {
            LOG.info("jgrad kernels: " + CHOICE.kernels().describe() + " (" + CHOICE.reason() + ")");
        }
    }

    /** The kernels this JVM uses. */
    public static Kernels kernels() {
        return Holder.CHOICE.kernels();
    }

    /** The kernels this JVM uses and why they were chosen. */
    public static Choice choice() {
        return Holder.CHOICE;
    }

    /** The built-in kernels plus every provider found on the class path, for tests and benchmarks. */
    public static List<KernelProvider> providers() {
        List<KernelProvider> all = new ArrayList<>(BuiltinProviders.all());
        for (KernelProvider p : ServiceLoader.load(KernelProvider.class, Backend.class.getClassLoader())) {
            all.add(p);
        }
        return all;
    }

    /**
     * Picks kernels: the named provider if {@code requested} is set, else the available provider with the
     * highest priority. Providers are tried from the highest priority down and only until one works, so a
     * low-priority provider with costly start-up (a native library) is never even loaded when a better one runs.
     */
    static Choice choose(String requested) {
        List<KernelProvider> providers = providers();
        List<String> skipped = new ArrayList<>();
        if (requested != null && !requested.isBlank()) {
            for (KernelProvider p : providers) {
                if (p.name().equalsIgnoreCase(requested.trim())) {
                    Optional<Kernels> k = p.create();
                    if (k.isPresent()) {
                        return new Choice(k.get(), "requested with jgrad.kernels=" + requested);
                    }
                    skipped.add(p.name() + ": " + p.unavailableReason());
                }
            }
            skipped.add("requested jgrad.kernels=" + requested + " is not available");
        }
        return best(providers, skipped);
    }

    /**
     * The best available kernels other than the named provider's: what a provider that wraps other kernels
     * (a native GEMM, say) hands the rest of its work to.
     */
    public static Choice bestExcept(String providerName) {
        List<KernelProvider> others = new ArrayList<>();
        for (KernelProvider p : providers()) {
            if (!p.name().equalsIgnoreCase(providerName)) {
                others.add(p);
            }
        }
        return best(others, new ArrayList<>());
    }

    /** The first provider that works, highest priority first; {@code skipped} collects the others' reasons. */
    static Choice best(List<KernelProvider> providers, List<String> skipped) {
        List<KernelProvider> byPriority = new ArrayList<>(providers);
        byPriority.sort(Comparator.comparingInt(KernelProvider::priority).reversed());
        for (KernelProvider p : byPriority) {
            Optional<Kernels> k = p.create();
            if (k.isEmpty()) {
                skipped.add(p.name() + " unavailable: " + p.unavailableReason());
                continue;
            }
            String reason = "highest-priority available provider";
            if (!skipped.isEmpty()) {
                reason += "; " + String.join("; ", skipped);
            }
            return new Choice(k.get(), reason);
        }
        throw new IllegalStateException("no kernels available: " + String.join("; ", skipped));
    }
}
