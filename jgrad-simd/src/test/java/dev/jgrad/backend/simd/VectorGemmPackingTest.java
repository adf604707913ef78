package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The GEMM's A packer writes exactly the layout its micro-kernel reads: on 8 lanes interleaved panels (MR values
 * per k-step, {@link VectorGemm#packAInterleaved}), on 16 lanes rows {@link VectorGemm#AS} floats apart; ragged
 * last panels zero-padded; any leading dimension and offset, both storage orders.
 */
class VectorGemmPackingTest {

    @ParameterizedTest(name = "transA={0} mb={1} kb={2}")
    @CsvSource({
        "false, 1, 1", "false, 5, 3", "false, 6, 17", "false, 7, 16", "false, 13, 9", "false, 120, 196",
        "true, 1, 1", "true, 5, 3", "true, 6, 17", "true, 7, 16", "true, 13, 9", "true, 120, 196"})
    void packsOpAIntoTheKernelsLayout(boolean transA, int mb, int kb) {
        int ic = 2;
        int pc = 3;
        int rows = ic + mb + 1; // rows of op(A)
        int cols = pc + kb + 2; // columns of op(A)
        int lda = (transA ? rows : cols) + 5;
        int aOff = 7;
        Random rnd = new Random(mb * 31L + kb);
        float[] a = new float[aOff + (transA ? cols : rows) * lda];
        for (int i = 0; i < a.length; i++) {
            a[i] = rnd.nextFloat() + 1f; // never 0, so a missed copy cannot pass as padding
        }
        float[] w = new float[VectorGemm.WORKSPACE_FLOATS];
        Arrays.fill(w, Float.NaN);
        int[] strides = new int[VectorGemm.L];
        for (int l = 0; l < strides.length; l++) {
            strides[l] = l * lda;
        }
        int ap = VectorGemm.A_START;
        VectorGemm.packA(transA, a, aOff, lda, ic, pc, mb, kb, w, ap, strides);

        int mr = VectorGemm.MR;
        int padded = (mb + mr - 1) / mr * mr;
        for (int i = 0; i < padded; i++) {
            for (int p = 0; p < kb; p++) {
                int at = VectorGemm.INTERLEAVED_A
                        ? ap + i / mr * mr * VectorGemm.AS + p * mr + i % mr
                        : ap + i * VectorGemm.AS + p;
                float want = i >= mb ? 0f
                        : transA ? a[aOff + (pc + p) * lda + ic + i] : a[aOff + (ic + i) * lda + pc + p];
                assertThat(w[at]).as("op(A)[%d][%d]", ic + i, pc + p).isEqualTo(want);
            }
        }
    }

    /**
     * A stored k x m whose block ends at the array's last element: the TN packer's one-vector-per-step copy reads
     * L - MR floats past a panel's MR, so the last panels must take the element-wise path instead of reading
     * outside the array. Both paths in one call, against the definition.
     */
    @ParameterizedTest(name = "mb={0} kb={1}")
    @CsvSource({"12, 1", "12, 9", "13, 196", "18, 17"})
    void packsTransposedAUpToTheArraysLastElement(int mb, int kb) {
        int lda = mb; // tight: op(A)[i][p] = a[p * lda + i], the last element is a[a.length - 1]
        float[] a = new float[kb * lda];
        for (int i = 0; i < a.length; i++) {
            a[i] = i + 1f;
        }
        float[] w = new float[VectorGemm.WORKSPACE_FLOATS];
        Arrays.fill(w, Float.NaN);
        int[] strides = new int[VectorGemm.L];
        for (int l = 0; l < strides.length; l++) {
            strides[l] = l * lda;
        }
        int ap = VectorGemm.A_START;
        VectorGemm.packA(true, a, 0, lda, 0, 0, mb, kb, w, ap, strides);
        int mr = VectorGemm.MR;
        int padded = (mb + mr - 1) / mr * mr;
        for (int i = 0; i < padded; i++) {
            for (int p = 0; p < kb; p++) {
                int at = VectorGemm.INTERLEAVED_A
                        ? ap + i / mr * mr * VectorGemm.AS + p * mr + i % mr
                        : ap + i * VectorGemm.AS + p;
                assertThat(w[at]).as("op(A)[%d][%d]", i, p).isEqualTo(i >= mb ? 0f : a[p * lda + i]);
            }
        }
    }

    @ParameterizedTest(name = "k={0}")
    @CsvSource({"1", "255", "256", "257", "784", "1024", "1025"})
    void depthBlocksCoverKWithoutExceedingKc(int k) {
        int kc = VectorGemm.depthBlock(k);
        assertThat(kc).isBetween(1, VectorGemm.KC);
        int blocks = (k + kc - 1) / kc;
        assertThat(blocks).isEqualTo((k + VectorGemm.KC - 1) / VectorGemm.KC); // no more blocks than KC gives
        if (VectorGemm.L < 16 && k > VectorGemm.KC) {
            assertThat(k - (blocks - 1) * kc).as("last block").isGreaterThan(kc - blocks); // near-equal blocks
        }
    }
}
