package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Transpose16Test {

    @Test
    void turnsA16By16BlockAroundAtAnyOffsetAndStride() {
        Random rnd = new Random(7);
        int[][] cases = {{0, 16, 0, 16}, {3, 21, 5, 64}, {17, 1024, 1, 272}, {1, 784, 12, 16}};
        for (int[] cs : cases) {
            int srcOff = cs[0];
            int srcLd = cs[1];
            int dstOff = cs[2];
            int dstLd = cs[3];
            float[] src = new float[srcOff + 16 * srcLd + 16];
            for (int i = 0; i < src.length; i++) {
                src[i] = rnd.nextFloat();
            }
            float[] dst = new float[dstOff + 16 * dstLd + 16];
            java.util.Arrays.fill(dst, Float.NaN); // untouched positions must stay NaN
            Transpose16.transpose(src, srcOff, srcLd, dst, dstOff, dstLd);
            for (int j = 0; j < 16; j++) {
                for (int p = 0; p < 16; p++) {
                    assertThat(dst[dstOff + p * dstLd + j]).as("case %s, j=%d p=%d", java.util.Arrays.toString(cs), j, p)
                            .isEqualTo(src[srcOff + j * srcLd + p]);
                }
            }
            int written = 0;
            for (float v : dst) {
                written += Float.isNaN(v) ? 0 : 1;
            }
            assertThat(written).isEqualTo(256);
        }
    }
}
