package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalerTest {

    // 4 rows x 3 columns: column 0 = 1,2,3,4; column 1 = 10,10,10,10 (constant); column 2 = -2,0,0,2
    private static final float[] TRAIN = {1, 10, -2, 2, 10, 0, 3, 10, 0, 4, 10, 2};

    @Test
    void standardizeUsesMeanAndPopulationStd() {
        Scaler s = Scaler.fit(Scaler.Kind.STANDARDIZE, TRAIN, 3);
        assertThat(s.offsets()).containsExactly(2.5, 10, 0);
        assertThat(s.scales()[0]).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(s.scales()[1]).isEqualTo(1.0); // constant column: no division by zero
        assertThat(s.scales()[2]).isCloseTo(Math.sqrt(2), within(1e-12));
        float[] t = s.transform(TRAIN);
        assertThat(t[0]).isCloseTo((float) (-1.5 / Math.sqrt(1.25)), within(1e-6f));
        assertThat(t[1]).isZero();
        for (float v : t) {
            assertThat(v).isNotNaN();
        }
        assertThat(s.inverseTransform(t)).containsExactly(TRAIN, within(1e-5f));
    }

    @Test
    void minMaxMapsTheTrainingRangeToUnitInterval() {
        Scaler s = Scaler.fit(Scaler.Kind.MIN_MAX, TRAIN, 3);
        float[] t = s.transform(TRAIN);
        assertThat(t).containsExactly(0, 0, 0, 1 / 3f, 0, 0.5f, 2 / 3f, 0, 0.5f, 1, 0, 1);
        // Validation rows outside the training range are not clipped.
        assertThat(s.transform(new float[] {7, 11, 4})).containsExactly(2, 1, 1.5f);
    }

    @Test
    void statisticsComeFromTheTrainingSplitOnly() {
        Dataset train = Dataset.regression(new float[] {0, 2}, 1, new float[] {0, 0});
        Dataset test = Dataset.regression(new float[] {100, 102}, 1, new float[] {1, 1});
        Scaler s = Scaler.fit(Scaler.Kind.STANDARDIZE, train);
        assertThat(s.transform(test).features()).containsExactly(99, 101);
        assertThat(s.transform(test).targets()).containsExactly(1, 1);
    }

    @Test
    void noneIsIdentity() {
        Scaler s = Scaler.fit(Scaler.Kind.NONE, TRAIN, 3);
        assertThat(s.transform(TRAIN)).containsExactly(TRAIN);
    }

    @Test
    void roundTripsThroughMapAndJsonExactly() {
        Scaler s = Scaler.fit(Scaler.Kind.STANDARDIZE, new float[] {0.1f, 3, 0.7f, 5, 0.3f, 11}, 2);
        Map<String, Object> m = s.toMap();
        assertThat(m.get("kind")).isEqualTo("standardize");
        assertThat(m.get("offset")).isInstanceOf(List.class);
        Scaler back = Scaler.fromMap(m);
        assertThat(back.offsets()).containsExactly(s.offsets());
        assertThat(back.scales()).containsExactly(s.scales());
        String json = s.toJson();
        assertThat(json).startsWith("{\"kind\":\"standardize\",\"offset\":[");
        Scaler fromJson = Scaler.fromJson(json);
        assertThat(fromJson.kind()).isEqualTo(Scaler.Kind.STANDARDIZE);
        assertThat(fromJson.offsets()).containsExactly(s.offsets());
        assertThat(fromJson.scales()).containsExactly(s.scales());
        Scaler mm = Scaler.fromJson(" { \"scale\" : [2, 4.0e0], \"kind\": \"min-max\", \"offset\": [1, -1] } ");
        assertThat(mm.transform(new float[] {5, 7})).containsExactly(2, 2);
    }

    @Test
    void rejectsBadSavedScalers() {
        assertThatThrownBy(() -> Scaler.fromMap(Map.of("kind", "zscore", "offset", List.of(1.0), "scale", List.of(1.0))))
                .hasMessageContaining("unknown scaler 'zscore'");
        assertThatThrownBy(() -> Scaler.fromMap(Map.of("kind", "none", "offset", List.of(1.0), "scale", List.of(0.0))))
                .hasMessageContaining("non-zero scale");
        assertThatThrownBy(() -> Scaler.fromMap(Map.of("kind", "none", "offset", List.of(1.0), "scale", List.of())))
                .hasMessageContaining("offset has 1 values, scale has 0");
        assertThatThrownBy(() -> Scaler.fromJson("{\"kind\": \"none\", ")).hasMessageContaining("JSON");
        assertThatThrownBy(() -> Scaler.fit(Scaler.Kind.STANDARDIZE, new float[0], 2)).hasMessageContaining("no rows");
        assertThatThrownBy(() -> Scaler.fit(Scaler.Kind.NONE, TRAIN, 3).transform(new float[] {1, 2}))
                .hasMessageContaining("3-feature rows");
    }

    @Test
    void theEarlyPluralSpellingStillLoads() {
        Scaler s = Scaler.fromMap(java.util.Map.of("kind", "standardize", "offsets", java.util.List.of(0.5, -0.25),
                "scales", java.util.List.of(2.0, 1.5)));
        assertThat(s.offsets()).containsExactly(0.5, -0.25);
        assertThat(s.scales()).containsExactly(2.0, 1.5);
        // and it is written back in the one spelling
        assertThat(s.toMap()).containsOnlyKeys("kind", "offset", "scale");
    }
}
