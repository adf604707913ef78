package dev.jgrad.playground.digits;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The built-in pad: stroke digits are framed like MNIST and the model trained on them reads new ones. */
class StrokeDigitsTest {

    @Test
    void framingCentresTheInkInATwentyPixelBox() {
        float[] big = new float[56 * 56];
        for (int r = 2; r < 12; r++) for (int c = 40; c < 44; c++) big[r * 56 + c] = 1; // a small bar in a corner
        float[] f = StrokeDigits.frame(big);
        int top = 28, bottom = -1;
        double mass = 0, mc = 0;
        for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) {
            if (f[r * 28 + c] > 0.05f) { top = Math.min(top, r); bottom = Math.max(bottom, r); }
            mass += f[r * 28 + c];
            mc += c * f[r * 28 + c];
        }
        assertThat(bottom - top + 1).isEqualTo(20); // the taller side scaled to 20
        assertThat(mc / mass).isCloseTo(13.5, org.assertj.core.data.Offset.offset(1.0));
        assertThat(StrokeDigits.frame(new float[56 * 56])).containsOnly(0f);
    }

    @Test
    void theBuiltInPadReadsStrokeDigitsItHasNotSeen() {
        DigitPad pad = DigitPad.builtIn();
        ObjectMapper mapper = new ObjectMapper();
        assertThat(pad.describe(mapper).get("available").asBoolean()).isTrue();
        Random rng = new Random(99);
        int right = 0, n = 100;
        for (int i = 0; i < n; i++) {
            int digit = i % 10;
            // Drawn at 56x56 and box-averaged to 28x28, as the page sends them.
            float[] big = StrokeDigits.draw(digit, rng);
            ObjectNode body = mapper.createObjectNode();
            ArrayNode px = body.putArray("pixels");
            for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) {
                float v = (big[2 * r * 56 + 2 * c] + big[2 * r * 56 + 2 * c + 1] + big[(2 * r + 1) * 56 + 2 * c]
                        + big[(2 * r + 1) * 56 + 2 * c + 1]) / 4;
                px.add(v);
            }
            if (pad.predict(body, mapper).get("top").asInt() == digit) right++;
        }
        System.out.printf("playground: built-in digit pad reads %d of %d unseen stroke digits%n", right, n);
        assertThat(right).isGreaterThanOrEqualTo(85);
    }

    @Test
    void theBuiltInModelIsCachedAndLoadedBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String before = System.getProperty("jgrad.cache");
        System.setProperty("jgrad.cache", dir.toString());
        try {
            BuiltInDigits.Trained first = BuiltInDigits.cachedOrTrained();
            assertThat(first.millis()).isPositive();
            assertThat(dir.resolve(BuiltInDigits.CACHE_NAME)).isRegularFile();
            BuiltInDigits.Trained second = BuiltInDigits.cachedOrTrained();
            assertThat(second.millis()).isZero(); // loaded, not trained
            assertThat(second.heldOutAccuracy()).isEqualTo(first.heldOutAccuracy());
            assertThat(second.model().parameters().get(0).toArray()).containsExactly(first.model().parameters().get(0).toArray());
        } finally {
            if (before == null) System.clearProperty("jgrad.cache"); else System.setProperty("jgrad.cache", before);
        }
    }
}
