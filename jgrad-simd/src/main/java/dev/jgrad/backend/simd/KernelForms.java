package dev.jgrad.backend.simd;

import dev.jgrad.backend.SerialGemm;

/**
 * The argument handling every fixed-form GEMM kernel of this package starts with: refusing a call in another form
 * than the kernel's, and the calls with nothing to multiply.
 */
final class KernelForms {

    private KernelForms() {
    }

    /**
     * Refuses a call whose operands are not stored as {@code kernel} reads them ({@code aTransposed} and
     * {@code bTransposed}: NT is false, true).
     */
    static void require(String kernel, boolean aTransposed, boolean bTransposed, boolean transA, boolean transB) {
        if (transA != aTransposed || transB != bTransposed) {
            String form = (aTransposed ? "T" : "N") + (bTransposed ? "T" : "N");
            throw new IllegalArgumentException(kernel + ": A must be stored " + (aTransposed ? "transposed" : "as used")
                    + " and B " + (bTransposed ? "transposed" : "as used") + " (" + form + "), got transA=" + transA
                    + " transB=" + transB);
        }
    }

    /**
     * Whether there is nothing to multiply: C is empty, or k is 0 and C has been scaled by beta (as
     * {@code SerialGemm} does). Kernels return at once when it is true.
     */
    static boolean nothingToMultiply(int m, int n, int k, float beta, float[] c, int cOff, int ldc) {
        if (m <= 0 || n <= 0) {
            return true;
        }
        if (k <= 0) {
            SerialGemm.scaleC(beta, c, cOff, ldc, m, n);
            return true;
        }
        return false;
    }
}
