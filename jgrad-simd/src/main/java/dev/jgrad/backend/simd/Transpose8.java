package dev.jgrad.backend.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * An 8 x 8 float transpose in registers: {@link Transpose16}'s butterfly for 8-lane vectors (AVX2), three stages
 * (blocks of 4, 2, 1 lanes), each output a one-source permute of one row blended into another ({@code vpermps} +
 * {@code vblendvps}). Used by the GEMM's packer for a stored-transposed B on 8 lanes, where it replaces one
 * 8-lane gather per packed row. Written out in full so every vector stays a register.
 */
final class Transpose8 {

    static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

    /** Stage 1 (blocks of 4): lanes with bit 4 set take lane l - 4 of the partner row; the rest l + 4. */
    static final VectorShuffle<Float> DOWN0 = VectorShuffle.fromOp(S, l -> (l & 4) != 0 ? l - 4 : l);
    static final VectorShuffle<Float> UP0 = VectorShuffle.fromOp(S, l -> (l & 4) == 0 ? l + 4 : l);
    static final VectorMask<Float> SET0 = VectorMask.fromLong(S, 0xf0L);
    static final VectorMask<Float> CLEAR0 = VectorMask.fromLong(S, 0x0fL);
    /** Stage 2 (blocks of 2): lanes with bit 2 set take lane l - 2 of the partner row; the rest l + 2. */
    static final VectorShuffle<Float> DOWN1 = VectorShuffle.fromOp(S, l -> (l & 2) != 0 ? l - 2 : l);
    static final VectorShuffle<Float> UP1 = VectorShuffle.fromOp(S, l -> (l & 2) == 0 ? l + 2 : l);
    static final VectorMask<Float> SET1 = VectorMask.fromLong(S, 0xccL);
    static final VectorMask<Float> CLEAR1 = VectorMask.fromLong(S, 0x33L);
    /** Stage 3 (blocks of 1): lanes with bit 1 set take lane l - 1 of the partner row; the rest l + 1. */
    static final VectorShuffle<Float> DOWN2 = VectorShuffle.fromOp(S, l -> (l & 1) != 0 ? l - 1 : l);
    static final VectorShuffle<Float> UP2 = VectorShuffle.fromOp(S, l -> (l & 1) == 0 ? l + 1 : l);
    static final VectorMask<Float> SET2 = VectorMask.fromLong(S, 0xaaL);
    static final VectorMask<Float> CLEAR2 = VectorMask.fromLong(S, 0x55L);

    private Transpose8() {
    }

    /**
     * dst[dstOff + p * dstLd + j] = src[srcOff + j * srcLd + p] for j, p < 8: row j of the source block becomes
     * column j of the destination block.
     */
    static void transpose(float[] src, int srcOff, int srcLd, float[] dst, int dstOff, int dstLd) {
        FloatVector a0 = FloatVector.fromArray(S, src, srcOff + 0 * srcLd);
        FloatVector a1 = FloatVector.fromArray(S, src, srcOff + 1 * srcLd);
        FloatVector a2 = FloatVector.fromArray(S, src, srcOff + 2 * srcLd);
        FloatVector a3 = FloatVector.fromArray(S, src, srcOff + 3 * srcLd);
        FloatVector a4 = FloatVector.fromArray(S, src, srcOff + 4 * srcLd);
        FloatVector a5 = FloatVector.fromArray(S, src, srcOff + 5 * srcLd);
        FloatVector a6 = FloatVector.fromArray(S, src, srcOff + 6 * srcLd);
        FloatVector a7 = FloatVector.fromArray(S, src, srcOff + 7 * srcLd);
        FloatVector b0 = a0.blend(a4.rearrange(DOWN0), SET0);
        FloatVector b4 = a4.blend(a0.rearrange(UP0), CLEAR0);
        FloatVector b1 = a1.blend(a5.rearrange(DOWN0), SET0);
        FloatVector b5 = a5.blend(a1.rearrange(UP0), CLEAR0);
        FloatVector b2 = a2.blend(a6.rearrange(DOWN0), SET0);
        FloatVector b6 = a6.blend(a2.rearrange(UP0), CLEAR0);
        FloatVector b3 = a3.blend(a7.rearrange(DOWN0), SET0);
        FloatVector b7 = a7.blend(a3.rearrange(UP0), CLEAR0);
        FloatVector c0 = b0.blend(b2.rearrange(DOWN1), SET1);
        FloatVector c2 = b2.blend(b0.rearrange(UP1), CLEAR1);
        FloatVector c1 = b1.blend(b3.rearrange(DOWN1), SET1);
        FloatVector c3 = b3.blend(b1.rearrange(UP1), CLEAR1);
        FloatVector c4 = b4.blend(b6.rearrange(DOWN1), SET1);
        FloatVector c6 = b6.blend(b4.rearrange(UP1), CLEAR1);
        FloatVector c5 = b5.blend(b7.rearrange(DOWN1), SET1);
        FloatVector c7 = b7.blend(b5.rearrange(UP1), CLEAR1);
        FloatVector d0 = c0.blend(c1.rearrange(DOWN2), SET2);
        FloatVector d1 = c1.blend(c0.rearrange(UP2), CLEAR2);
        FloatVector d2 = c2.blend(c3.rearrange(DOWN2), SET2);
        FloatVector d3 = c3.blend(c2.rearrange(UP2), CLEAR2);
        FloatVector d4 = c4.blend(c5.rearrange(DOWN2), SET2);
        FloatVector d5 = c5.blend(c4.rearrange(UP2), CLEAR2);
        FloatVector d6 = c6.blend(c7.rearrange(DOWN2), SET2);
        FloatVector d7 = c7.blend(c6.rearrange(UP2), CLEAR2);
        d0.intoArray(dst, dstOff + 0 * dstLd);
        d1.intoArray(dst, dstOff + 1 * dstLd);
        d2.intoArray(dst, dstOff + 2 * dstLd);
        d3.intoArray(dst, dstOff + 3 * dstLd);
        d4.intoArray(dst, dstOff + 4 * dstLd);
        d5.intoArray(dst, dstOff + 5 * dstLd);
        d6.intoArray(dst, dstOff + 6 * dstLd);
        d7.intoArray(dst, dstOff + 7 * dstLd);
    }
}
