package dev.jgrad.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShuffleTest {

    // Orders the inline shuffles this class replaced produced for the same seeds: seeded runs stay as they were.
    @Test
    void sameOrdersAsBeforeForBothGenerators() {
        assertThat(Shuffle.permutation(10, new Random(42))).containsExactly(4, 6, 2, 1, 7, 9, 8, 5, 3, 0);
        assertThat(Shuffle.permutation(10, new SplittableRandom(42))).containsExactly(3, 4, 7, 0, 8, 5, 9, 2, 6, 1);
    }

    @Test
    void isAPermutationAndReproducible() {
        int[] a = Shuffle.permutation(1000, new Random(7));
        assertThat(a).containsExactlyInAnyOrder(java.util.stream.IntStream.range(0, 1000).toArray());
        assertThat(a).isEqualTo(Shuffle.permutation(1000, new Random(7)));
        assertThat(a).isNotEqualTo(Shuffle.permutation(1000, new Random(8)));
        assertThat(Shuffle.permutation(0, new Random(1))).isEmpty();
        assertThat(Shuffle.permutation(1, new Random(1))).containsExactly(0);
    }

    @Test
    void negativeSizeIsRejected() {
        assertThatThrownBy(() -> Shuffle.permutation(-1, new Random(1))).hasMessageContaining("-1");
    }
}
