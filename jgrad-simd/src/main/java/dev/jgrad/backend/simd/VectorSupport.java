package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;

/**
 * Checks that only make sense once the Vector API module is known to be present (so this class may touch
 * it, unlike {@link VectorKernelProvider}).
 */
final class VectorSupport {

    /** Below this the GEMM tile has too few lanes to beat the plain-Java kernels by much. */
    static final int MIN_VECTOR_BITS = 256;

    private VectorSupport() {
    }

    /** Why the vector kernels should not be used in this JVM, or null if they should. */
    static String unsuitableReason() {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < MIN_VECTOR_BITS) {
            return "preferred vector species is only " + bits + " bits (need >= " + MIN_VECTOR_BITS
                    + "); the plain-Java kernels are as fast";
        }
        return null;
    }

    /** A description for the log line, e.g. "512-bit vectors, 6x64 GEMM tile". */
    static String describe() {
        return FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit vectors, " + VectorGemm.MR + "x"
                + VectorGemm.NR + " GEMM tile";
    }
}
