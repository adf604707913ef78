package dev.jgrad.backend.blas;

import dev.jgrad.backend.Backend;
import dev.jgrad.backend.KernelProvider;
import dev.jgrad.backend.Kernels;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Offers {@link BlasKernels} (priority 5: below the Vector API kernels, above plain Java) when a native BLAS
 * loads: ask for them with {@code -Djgrad.kernels=blas}. {@code -Djgrad.blas.minWork=N} sets the smallest
 * product (m * n * k) that goes to the native library.
 *
 * <p>The library is whatever {@code libblas.so.3} resolves to (Debian: {@code libopenblas0-pthread} installs
 * OpenBLAS there), or the file named by netlib's {@code -Ddev.ludovic.netlib.blas.nativeLib}. netlib would fall
 * back to a Java BLAS when none loads; this provider refuses instead and says so, since that fallback is
 * slower than jgrad's own kernels.
 */
public final class BlasKernelProvider implements KernelProvider {

    static final String MIN_WORK_PROPERTY = "jgrad.blas.minWork";

    /** netlib's property naming the BLAS library to dlopen, and its default. */
    private static final String LIBRARY_PROPERTY = "dev.ludovic.netlib.blas.nativeLib";

    /** The library netlib was asked to load. */
    private static String requestedLibrary() {
        return System.getProperty(LIBRARY_PROPERTY, "libblas.so.3");
    }

    /** The native library is loaded at most once per JVM; its failure is remembered as a reason. */
    private static final class Native {
        static final BLAS BLAS;
        static final String FAILURE;

        static {
            BLAS blas = null;
            String failure = null;
            try {
                blas = NativeBLAS.getInstance();
            } catch (RuntimeException | LinkageError e) {
                failure = "no native BLAS could be loaded through netlib JNI ("
                        + requestedLibrary() + ": " + e.getMessage()
                        + "); install libopenblas0-pthread, or name a BLAS library with -D" + LIBRARY_PROPERTY + "=...";
            }
            BLAS = blas;
            FAILURE = failure;
        }
    }

    private volatile String reason = "";

    @Override
    public int priority() {
        return 5;
    }

    @Override
    public String name() {
        return "blas";
    }

    @Override
    public Optional<Kernels> create() {
        if (Native.BLAS == null) {
            reason = Native.FAILURE;
            return Optional.empty();
        }
        long minWork;
        try {
            minWork = Long.parseLong(System.getProperty(MIN_WORK_PROPERTY,
                    Long.toString(BlasKernels.DEFAULT_MIN_NATIVE_WORK)).trim());
        } catch (NumberFormatException e) {
            reason = "-D" + MIN_WORK_PROPERTY + " must be a whole number of multiply-adds, got '"
                    + System.getProperty(MIN_WORK_PROPERTY) + "'";
            return Optional.empty();
        }
        if (minWork < 0) {
            reason = "-D" + MIN_WORK_PROPERTY + " must be >= 0, got " + minWork;
            return Optional.empty();
        }
        reason = "";
        return Optional.of(new BlasKernels(Native.BLAS, Backend.bestExcept(name()).kernels(), minWork,
                loadedLibrary()));
    }

    @Override
    public String unavailableReason() {
        return reason;
    }

    /**
     * The BLAS shared object this process mapped, read from {@code /proc/self/maps} (Linux), so the log names
     * the library that actually runs rather than the alias that was asked for.
     */
    static String loadedLibrary() {
        String asked = requestedLibrary();
        try {
            return libraryIn(Files.readAllLines(Path.of("/proc/self/maps"))).orElse(asked);
        } catch (IOException | RuntimeException e) {
            return asked;
        }
    }

    /** The first mapped file whose name says BLAS, other than netlib's own JNI shim. */
    static Optional<String> libraryIn(List<String> mapsLines) {
        for (String line : mapsLines) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String file = line.substring(slash).trim();
            String base = file.substring(file.lastIndexOf('/') + 1);
            if (base.contains("blas") && !base.contains("netlibblasjni")) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }
}
