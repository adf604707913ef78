package dev.jgrad.random;

/**
 * Seeds derived from a seed and a few counters (epoch, step, row, ...), so that a random draw is a pure function of
 * where it happens rather than of the draws before it: a resumed run, a sharded run and every worker of a
 * distributed one get the same numbers. SplitMix64's finalizer over the inputs.
 */
public final class Seeds {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** A seed for stream {@code b} of counter {@code a} (e.g. stream {@code layer} of {@code epoch}) under {@code seed}. */
    public static long derive(long seed, long a, long b) {
        long z = seed ^ mix(a * GOLDEN + b);
        return mix(z + GOLDEN);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
