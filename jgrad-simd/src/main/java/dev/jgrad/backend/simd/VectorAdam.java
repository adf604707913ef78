package dev.jgrad.backend.simd;

import dev.jgrad.backend.ScalarAdam;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link ScalarAdam}'s step on the Vector API: the same float32 operations in the same order, lane by lane, with no
 * fused multiply-add (the vector square root is correctly rounded like the scalar one), so the result is the same
 * bits; the tail that does not fill a vector runs the scalar kernel. The step streams seven arrays (w, g, m, v
 * read; w, m, v written) and does one root and one division per element; vectors take the two long-latency
 * operations eight or sixteen at a time, where the scalar loop went through float64 for the root.
 */
final class VectorAdam {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private VectorAdam() {
    }

    static void update(float[] w, float[] g, float[] m, float[] v, int off, int n, float beta1, float beta2,
                       float stepSize, float sqrtBias2, float eps, float decay) {
        float c1 = 1f - beta1;
        float c2 = 1f - beta2;
        int end = off + n;
        int i = off;
        for (; i <= end - L; i += L) {
            FloatVector gi = FloatVector.fromArray(S, g, i);
            FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(gi.mul(c1));
            FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(gi.mul(c2).mul(gi));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            FloatVector denom = vi.sqrt().div(sqrtBias2).add(eps);
            FloatVector.fromArray(S, w, i).mul(decay).sub(mi.mul(stepSize).div(denom)).intoArray(w, i);
        }
        if (i < end) {
            ScalarAdam.update(w, g, m, v, i, end - i, beta1, beta2, stepSize, sqrtBias2, eps, decay);
        }
    }
}
