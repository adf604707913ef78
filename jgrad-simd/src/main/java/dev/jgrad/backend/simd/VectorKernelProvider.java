package dev.jgrad.backend.simd;

import dev.jgrad.backend.KernelProvider;
import dev.jgrad.backend.Kernels;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;

/**
 * Offers {@link VectorKernels} (priority 10, above the built-in Java kernels) when this JVM can run them well.
 *
 * <p>This class must load in a JVM started without {@code --add-modules jdk.incubator.vector}, so it never
 * names a {@code jdk.incubator.vector} type, not even indirectly through a signature: everything that does is
 * reached by reflection, only after the module check, and a {@link LinkageError} there becomes a reason.
 */
public final class VectorKernelProvider implements KernelProvider {

    static final String MODULE = "jdk.incubator.vector";

    private volatile String reason = "";

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public Optional<Kernels> create() {
        String why = unavailable();
        if (why != null) {
            reason = why;
            return Optional.empty();
        }
        try {
            Class<?> support = Class.forName("dev.jgrad.backend.simd.VectorSupport", true,
                    VectorKernelProvider.class.getClassLoader());
            String unsuitable = (String) support.getDeclaredMethod("unsuitableReason").invoke(null);
            if (unsuitable != null) {
                reason = unsuitable;
                return Optional.empty();
            }
            Kernels kernels = (Kernels) Class.forName("dev.jgrad.backend.simd.VectorKernels", true,
                    VectorKernelProvider.class.getClassLoader()).getDeclaredConstructor().newInstance();
            reason = "";
            return Optional.of(kernels);
        } catch (LinkageError | ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            reason = "could not start the Vector API kernels: " + cause;
            return Optional.empty();
        }
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    /** The cheap checks that need no Vector API class: module present, and a JIT that intrinsifies it. */
    static String unavailable() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return MODULE + " is not in the boot layer (run java with --add-modules " + MODULE + ")";
        }
        return jitReason(System.getProperty("java.vm.info", ""), inputArguments());
    }

    /**
     * Without C2 every vector is a heap object and the kernels run tens of times slower than plain Java:
     * the interpreter ({@code -Xint}) or a tiered stop below level 4 (C1 only) rule them out.
     */
    static String jitReason(String vmInfo, List<String> jvmArgs) {
        if (vmInfo.contains("interpreted mode")) {
            return "the JVM runs interpreted (-Xint); the Vector API needs the C2 JIT";
        }
        for (String arg : jvmArgs) {
            if (arg.startsWith("-XX:TieredStopAtLevel=")) {
                String level = arg.substring("-XX:TieredStopAtLevel=".length()).trim();
                if (!level.equals("4")) {
                    return "C2 is disabled (" + arg + "); the Vector API needs the C2 JIT";
                }
            }
        }
        return null;
    }

    private static List<String> inputArguments() {
        try {
            return ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (LinkageError | RuntimeException e) {
            return List.of(); // java.management absent: assume the default JIT
        }
    }
}
