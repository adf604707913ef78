package dev.jgrad.bench.e2e;

import java.util.Arrays;

/** Medians: robust to the odd GC pause or a neighbour's burst on a shared two-core machine. */
final class Stats {

    private Stats() {
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
