package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Splits never lose or duplicate a row, whatever the sizes (the loader's own property is in jgrad-nn). */
class SplitPropertiesTest {

    @Property(tries = 200)
    void splitPartsPartitionTheRows(@ForAll @IntRange(min = 0, max = 400) int n,
            @ForAll @IntRange(min = 1, max = 98) int trainPercent, @ForAll long seed) {
        double train = trainPercent / 100.0;
        double validation = (1 - train) / 2;
        DatasetSplits s = DatasetTest.counting(n).trainValidationTest(train, validation, seed);
        assertThat(s.train().size() + s.validation().size() + s.test().size()).isEqualTo(n);
        assertThat(s.train().size()).isEqualTo((int) Math.round(n * train));
        float[] all = new float[n];
        int k = 0;
        for (Dataset part : new Dataset[] {s.train(), s.validation(), s.test()}) {
            for (int i = 0; i < part.size(); i++) {
                all[k++] = part.feature(i, 0);
            }
        }
        Arrays.sort(all);
        for (int i = 0; i < n; i++) {
            assertThat(all[i]).isEqualTo((float) i);
        }
    }
}
