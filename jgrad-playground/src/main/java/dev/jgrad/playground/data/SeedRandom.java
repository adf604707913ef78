package dev.jgrad.playground.data;

/**
 * The random stream TensorFlow Playground draws everything from: {@code Math.seedrandom(seed)} of David Bau's
 * {@code seedrandom} library (2.4.x), an ARC4 (RC4) keystream keyed by the seed string, its first 256 bytes
 * dropped, read 7 bytes at a time into doubles in [0, 1) with 53 significant bits. The same seed string gives the
 * same doubles as {@code Math.random()} after {@code Math.seedrandom(seed)} in a browser.
 */
public final class SeedRandom {
    private static final int WIDTH = 256, MASK = 255, CHUNKS = 6;
    private static final double START_DENOM = Math.pow(WIDTH, CHUNKS), SIGNIFICANCE = Math.pow(2, 52),
            OVERFLOW = 2 * SIGNIFICANCE;
    private final int[] s = new int[WIDTH];
    private int i, j;

    public SeedRandom(String seed) {
        int[] key = key(seed);
        for (int k = 0; k < WIDTH; k++) s[k] = k;
        for (int k = 0, jj = 0; k < WIDTH; k++) {
            int t = s[k];
            jj = MASK & (jj + key[k % key.length] + t);
            s[k] = s[jj];
            s[jj] = t;
        }
        bytes(WIDTH); // RC4's weak first bytes are dropped
    }

    /**
     * The library's key schedule ({@code mixkey}): the seed's UTF-16 units, byte by byte; past 256 units each one
     * is mixed into its slot with the slot's old value times 19. An empty seed is the key {0}.
     */
    private static int[] key(String seed) {
        int[] key = new int[Math.max(1, Math.min(WIDTH, seed.length()))];
        int smear = 0;
        for (int k = 0; k < seed.length(); k++) {
            if (k >= WIDTH) smear ^= key[k & MASK] * 19; // below 256 the slot is still empty and adds nothing
            key[k & MASK] = MASK & (smear + seed.charAt(k));
        }
        return key;
    }

    /** The next {@code count} keystream bytes as one big-endian number. */
    private long bytes(int count) {
        long r = 0;
        for (int k = 0; k < count; k++) {
            i = MASK & (i + 1);
            int t = s[i];
            j = MASK & (j + t);
            s[i] = s[j];
            s[j] = t;
            r = (r * WIDTH + s[MASK & (s[i] + t)]) & 0xFFFF_FFFF_FFFFL; // at most 6 bytes are ever kept
        }
        return r;
    }

    /** The next double in [0, 1): what {@code Math.random()} returns in TF Playground. */
    public double next() {
        double n = bytes(CHUNKS), d = START_DENOM;
        int x = 0;
        while (n < SIGNIFICANCE) { // fill up to 52 bits of mantissa
            n = (n + x) * WIDTH;
            d *= WIDTH;
            x = (int) bytes(1);
        }
        while (n >= OVERFLOW) { // then drop bits until exactly 53 remain
            n /= 2;
            d /= 2;
            x >>>= 1;
        }
        return (n + x) / d;
    }
}
