package dev.jgrad.backend.simd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Transpose8Test {

    @Test
    void turnsAn8By8BlockAroundAtAnyOffsetAndStride() {
        Random rnd = new Random(7);
        int[][] cases = {{0, 8, 0, 8}, {3, 21, 5, 16}, {17, 1024, 1, 272}, {1, 784, 12, 16}};
        for (int[] cs : cases) {
            int srcOff = cs[0];
            int srcLd = cs[1];
            int dstOff = cs[2];
            int dstLd = cs[3];
            float[] src = new float[srcOff + 8 * srcLd + 8];
            for (int i = 0; i < src.length; i++) {
                src[i] = rnd.nextFloat();
            }
            float[] dst = new float[dstOff + 8 * dstLd + 8];
            java.util.Arrays.fill(dst, Float.NaN); // untouched positions must stay NaN
            Transpose8.transpose(src, srcOff, srcLd, dst, dstOff, dstLd);
            for (int j = 0; j < 8; j++) {
                for (int p = 0; p < 8; p++) {
                    assertThat(dst[dstOff + p * dstLd + j]).as("case %s, j=%d p=%d", java.util.Arrays.toString(cs), j, p)
                            .isEqualTo(src[srcOff + j * srcLd + p]);
                }
            }
            int written = 0;
            for (float v : dst) {
                written += Float.isNaN(v) ? 0 : 1;
            }
            assertThat(written).isEqualTo(64);
        }
    }
}
