package dev.jgrad.playground.session;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class QuantizeTest {

    @Test
    void signedMapsMinusOneToZeroAndPlusOneTo255() {
        byte[] b = Base64.getDecoder().decode(Quantize.signed(new float[] {-1f, 0f, 1f, 5f, -5f, Float.NaN}));
        assertThat(new int[] {b[0] & 255, b[1] & 255, b[2] & 255, b[3] & 255, b[4] & 255, b[5] & 255})
                .containsExactly(0, 128, 255, 255, 0, 128);
    }

    @Test
    void unitMapsProbabilities() {
        byte[] b = Base64.getDecoder().decode(Quantize.unit(new float[] {0f, 0.5f, 1f}));
        assertThat(new int[] {b[0] & 255, b[1] & 255, b[2] & 255}).containsExactly(0, 128, 255);
    }
}
