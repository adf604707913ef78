package dev.jgrad.backend.simd;

import java.lang.management.ManagementFactory;
import java.util.function.Function;

/**
 * Where in a packing buffer the packed panels must start so that the GEMM's vector loads are 64-byte aligned.
 *
 * <p>A 512-bit load from an address that is not a multiple of 64 touches two cache lines. The micro-kernel
 * makes four such loads per k-step, and measured on AVX-512 (Cascade Lake, JDK 17 and 25) it runs 15-25 %
 * slower when they are misaligned (about 95-105 GFLOPS instead of 115-130). Java does not say where an array
 * lives, but the JVM does place some arrays predictably:
 * <ul>
 *   <li>with {@code -XX:ObjectAlignmentInBytes=64} every object starts on a multiple of 64 (the {@code jgrad}
 *       launcher sets it);</li>
 *   <li>under G1 an array of at least half a heap region is "humongous": it starts a region (1-32 MB aligned)
 *       and is never moved by young or mixed collections.</li>
 * </ul>
 * Either way the first element sits at the array base offset (16 bytes with the default object header), so
 * starting the panels {@code (64 - base % 64) / 4} floats in gives aligned loads. When neither holds, the
 * panels start at element 0 and the kernel simply runs at the misaligned speed; results never depend on this.
 *
 * @param offsetFloats where panels start in the buffer, 0-15
 * @param minBufferFloats the smallest buffer for which {@code offsetFloats} is right (a humongous array)
 * @param description what was chosen and why, for the backend log
 */
record PanelAlignment(int offsetFloats, int minBufferFloats, String description) {

    static final int ALIGN_BYTES = 64;

    /** Largest G1 region for which a humongous packing buffer (half a region) is worth its memory. */
    static final long MAX_REGION_BYTES = 32L << 20;

    static PanelAlignment detect() {
        return decide(arrayBaseOffset(), PanelAlignment::vmOption);
    }

    /**
     * The decision from the float-array base offset (-1 if unknown) and the VM's options (null if unknown), kept
     * apart from the lookups so tests can feed it any JVM configuration.
     */
    static PanelAlignment decide(int baseOffset, Function<String, String> vmOption) {
        if (baseOffset < 0 || baseOffset % 4 != 0) {
            return none("the float array base offset is unknown");
        }
        int offset = (ALIGN_BYTES - baseOffset % ALIGN_BYTES) % ALIGN_BYTES / 4;
        long objectAlignment = parse(vmOption.apply("ObjectAlignmentInBytes"));
        if (objectAlignment > 0 && objectAlignment % ALIGN_BYTES == 0) {
            return new PanelAlignment(offset, 0, "packed panels 64-byte aligned (-XX:ObjectAlignmentInBytes="
                    + objectAlignment + ")");
        }
        long region = parse(vmOption.apply("G1HeapRegionSize"));
        if ("true".equals(vmOption.apply("UseG1GC")) && region >= ALIGN_BYTES && region <= MAX_REGION_BYTES) {
            // Humongous means at least half a region, header included; one float more is enough.
            int minFloats = (int) (region / 2 / 4) + 1;
            return new PanelAlignment(offset, minFloats, "packed panels 64-byte aligned (G1 humongous buffer, region "
                    + (region >> 20) + " MB)");
        }
        return none("object alignment " + (objectAlignment > 0 ? objectAlignment : "unknown")
                + " bytes and no G1 humongous placement");
    }

    private static PanelAlignment none(String why) {
        return new PanelAlignment(0, 0, "packed panels not aligned (" + why
                + "; -XX:ObjectAlignmentInBytes=64 aligns them, about 15-25 % faster GEMM)");
    }

    private static long parse(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Read as a plain static field (no Unsafe method is called), so no JDK prints a deprecation warning. */
    private static int arrayBaseOffset() {
        try {
            return Class.forName("sun.misc.Unsafe").getField("ARRAY_FLOAT_BASE_OFFSET").getInt(null);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return -1;
        }
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (LinkageError | RuntimeException e) {
            return null; // not HotSpot, jdk.management absent, or no such option
        }
    }
}
