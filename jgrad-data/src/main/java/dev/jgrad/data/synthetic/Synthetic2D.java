package dev.jgrad.data.synthetic;

import java.util.SplittableRandom;

/**
 * Generates the 2D datasets of {@link Shape2D} as pure functions of their arguments.
 *
 * <p>Points come out in generation order (all of one class, then the next), as the playground's generators
 * return them; shuffle via {@code Dataset.split} or a shuffling {@code dev.jgrad.train.DataLoader}. For odd {@code n} the
 * playground's two-class generators emit {@code n + 1} points; here the first class gets {@code ceil(n/2)} and the
 * second {@code floor(n/2)}, so exactly {@code n} points come back. For even {@code n} the formulas are identical.
 *
 * <p>Points are not clipped: CIRCLE, XOR, SPIRAL, PLANE, MULTI_GAUSS, CHECKERBOARD and SPIRALS stay inside the
 * playground's [-6, 6] view by construction, while the Gaussian tails of GAUSS and BLOBS (and MOONS' noise) can
 * fall outside it, as GAUSS does in the playground.
 */
public final class Synthetic2D {

    /** The playground's noise slider goes 0..50 and is divided by 100. */
    public static final double MAX_NOISE = 0.5;

    private static final double TWO_PI = 2 * Math.PI;

    private Synthetic2D() {
    }

    /** Generates {@code n} points of {@code shape} with the shape's {@link Shape2D#defaultClasses()}. */
    public static Points2D generate(Shape2D shape, int n, double noise, long seed) {
        return generate(shape, n, noise, shape.defaultClasses(), seed);
    }

    /**
     * Generates {@code n} points.
     *
     * @param noise   0..0.5, the playground's slider value / 100
     * @param classes k for {@link Shape2D.Kind#MULTI_CLASS} shapes (at least 2); must equal
     *                {@link Shape2D#defaultClasses()} (2 or 0) for the others
     * @param seed    the only source of randomness
     */
    public static Points2D generate(Shape2D shape, int n, double noise, int classes, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException(shape.id() + ": n must be >= 0, got " + n);
        }
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException(shape.id() + ": noise must be in [0, " + MAX_NOISE + "] (slider / 100), got "
                    + noise);
        }
        if (shape.kind() == Shape2D.Kind.MULTI_CLASS) {
            if (classes < 2) {
                throw new IllegalArgumentException(shape.id() + ": classes must be >= 2, got " + classes);
            }
        } else if (classes != shape.defaultClasses()) {
            throw new IllegalArgumentException(shape.id() + " has a fixed class count of " + shape.defaultClasses()
                    + ", got classes=" + classes);
        }
        Builder out = new Builder(n);
        SplittableRandom rng = new SplittableRandom(seed);
        switch (shape) {
            case CIRCLE -> circle(out, n, noise, rng);
            case XOR -> xor(out, n, noise, rng);
            case GAUSS -> twoGauss(out, n, noise, rng);
            case SPIRAL -> spiral(out, n, noise, rng);
            case PLANE -> plane(out, n, noise, rng);
            case MULTI_GAUSS -> multiGauss(out, n, noise, rng);
            case MOONS -> moons(out, n, noise, rng);
            case CHECKERBOARD -> checkerboard(out, n, noise, rng);
            case SPIRALS -> spirals(out, n, noise, classes, rng);
            case BLOBS -> blobs(out, n, noise, classes, rng);
        }
        return out.build(classes, shape.isRegression());
    }

    // ---- playground generators (dataset.ts) ----

    private static void circle(Builder out, int n, double noise, SplittableRandom rng) {
        double radius = 5;
        int positives = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            // Positives are drawn inside 0.5 * radius, negatives in the ring 0.7..1 * radius.
            double r = i < positives ? uniform(rng, 0, radius * 0.5) : uniform(rng, radius * 0.7, radius);
            double angle = uniform(rng, 0, TWO_PI);
            double x = r * Math.sin(angle);
            double y = r * Math.cos(angle);
            double noiseX = uniform(rng, -radius, radius) * noise;
            double noiseY = uniform(rng, -radius, radius) * noise;
            // The label comes from the noisy position; the stored point stays clean (playground semantics).
            double label = Math.hypot(x + noiseX, y + noiseY) < radius * 0.5 ? 1 : -1;
            out.add(x, y, label);
        }
    }

    private static void xor(Builder out, int n, double noise, SplittableRandom rng) {
        double padding = 0.3;
        for (int i = 0; i < n; i++) {
            double x = uniform(rng, -5, 5);
            x += x > 0 ? padding : -padding;
            double y = uniform(rng, -5, 5);
            y += y > 0 ? padding : -padding;
            double noiseX = uniform(rng, -5, 5) * noise;
            double noiseY = uniform(rng, -5, 5) * noise;
            double label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : -1;
            out.add(x, y, label);
        }
    }

    private static void twoGauss(Builder out, int n, double noise, SplittableRandom rng) {
        // d3.scale.linear().domain([0, .5]).range([0.5, 4])
        double variance = 0.5 + noise * (4 - 0.5) / 0.5;
        int positives = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            double c = i < positives ? 2 : -2;
            double x = normal(rng, c, variance);
            double y = normal(rng, c, variance);
            out.add(x, y, i < positives ? 1 : -1);
        }
    }

    private static void spiral(Builder out, int n, double noise, SplittableRandom rng) {
        double half = n / 2.0; // the playground divides by numSamples / 2, a real number for odd n
        int positives = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            boolean positive = i < positives;
            int j = positive ? i : i - positives;
            double deltaT = positive ? 0 : Math.PI;
            double r = j / half * 5;
            double t = 1.75 * j / half * TWO_PI + deltaT;
            double x = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
            double y = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
            out.add(x, y, positive ? 1 : -1);
        }
    }

    private static void plane(Builder out, int n, double noise, SplittableRandom rng) {
        double radius = 6;
        for (int i = 0; i < n; i++) {
            double x = uniform(rng, -radius, radius);
            double y = uniform(rng, -radius, radius);
            double noiseX = uniform(rng, -radius, radius) * noise;
            double noiseY = uniform(rng, -radius, radius) * noise;
            // d3.scale.linear().domain([-10, 10]).range([-1, 1]), unclamped
            out.add(x, y, (x + noiseX + y + noiseY) / 10);
        }
    }

    private static final double[][] GAUSSIANS = {
            {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1},
            {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    private static void multiGauss(Builder out, int n, double noise, SplittableRandom rng) {
        double radius = 6;
        for (int i = 0; i < n; i++) {
            double x = uniform(rng, -radius, radius);
            double y = uniform(rng, -radius, radius);
            double noiseX = uniform(rng, -radius, radius) * noise;
            double noiseY = uniform(rng, -radius, radius) * noise;
            out.add(x, y, multiGaussLabel(x + noiseX, y + noiseY));
        }
    }

    /** The signed bump with the largest magnitude wins; ties keep the earlier one, as in dataset.ts. */
    static double multiGaussLabel(double x, double y) {
        double label = 0;
        for (double[] g : GAUSSIANS) {
            // d3.scale.linear().domain([0, 2]).range([1, 0]).clamp(true)
            double d = Math.hypot(x - g[0], y - g[1]);
            double v = g[2] * Math.min(1, Math.max(0, 1 - d / 2));
            if (Math.abs(v) > Math.abs(label)) {
                label = v;
            }
        }
        return label;
    }

    // ---- jgrad additions ----

    private static void moons(Builder out, int n, double noise, SplittableRandom rng) {
        // Unit moons (upper: (cos t, sin t); lower: (1 - cos t, 0.5 - sin t)) span x in [-1, 2], y in [-0.5, 1];
        // centring and scaling by 4 fills x in [-6, 6], y in [-3, 3]. Noise moves the point (no clean position
        // to label from), with a standard deviation of 2 * noise view units: 1.0 at the slider's maximum.
        int upper = (n + 1) / 2;
        for (int i = 0; i < n; i++) {
            double t = uniform(rng, 0, Math.PI);
            boolean up = i < upper;
            double ux = up ? Math.cos(t) : 1 - Math.cos(t);
            double uy = up ? Math.sin(t) : 0.5 - Math.sin(t);
            double x = (ux - 0.5) * 4 + normal(rng, 0, 1) * 2 * noise;
            double y = (uy - 0.25) * 4 + normal(rng, 0, 1) * 2 * noise;
            out.add(x, y, up ? 1 : -1);
        }
    }

    private static void checkerboard(Builder out, int n, double noise, SplittableRandom rng) {
        double cell = 3; // 4 x 4 cells over [-6, 6]^2
        for (int i = 0; i < n; i++) {
            double x = uniform(rng, -6, 6);
            double y = uniform(rng, -6, 6);
            // Like XOR: the label is read at a position jittered by up to one cell at noise 1.
            double noiseX = uniform(rng, -cell, cell) * noise;
            double noiseY = uniform(rng, -cell, cell) * noise;
            out.add(x, y, checkerLabel(x + noiseX, y + noiseY, cell));
        }
    }

    static double checkerLabel(double x, double y, double cell) {
        long cx = (long) Math.floor(x / cell);
        long cy = (long) Math.floor(y / cell);
        return Math.floorMod(cx + cy, 2) == 0 ? 1 : -1;
    }

    private static void spirals(Builder out, int n, double noise, int k, SplittableRandom rng) {
        // The playground spiral generalised to k arms rotated by 2*pi/k; arm sizes differ by at most one.
        double perArm = n / (double) k;
        for (int c = 0; c < k; c++) {
            int count = n / k + (c < n % k ? 1 : 0);
            double deltaT = TWO_PI * c / k;
            for (int j = 0; j < count; j++) {
                double r = j / perArm * 5;
                double t = 1.75 * j / perArm * TWO_PI + deltaT;
                double x = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
                double y = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
                out.add(x, y, c);
            }
        }
    }

    private static void blobs(Builder out, int n, double noise, int k, SplittableRandom rng) {
        // Centres on a circle of radius 4 starting at 45 degrees, so k = 2 resembles the playground's GAUSS;
        // the variance follows GAUSS's 0.5..4 scale.
        double variance = 0.5 + noise * (4 - 0.5) / 0.5;
        for (int c = 0; c < k; c++) {
            int count = n / k + (c < n % k ? 1 : 0);
            double angle = Math.PI / 4 + TWO_PI * c / k;
            double cx = 4 * Math.cos(angle);
            double cy = 4 * Math.sin(angle);
            for (int j = 0; j < count; j++) {
                double x = normal(rng, cx, variance);
                double y = normal(rng, cy, variance);
                out.add(x, y, c);
            }
        }
    }

    // ---- random helpers (dataset.ts randUniform / normalRandom) ----

    static double uniform(SplittableRandom rng, double a, double b) {
        return rng.nextDouble() * (b - a) + a;
    }

    /** Marsaglia's polar method, as the playground's normalRandom; s == 0 is rejected to avoid log(0). */
    static double normal(SplittableRandom rng, double mean, double variance) {
        double v1;
        double v2;
        double s;
        do {
            v1 = 2 * rng.nextDouble() - 1;
            v2 = 2 * rng.nextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        } while (s > 1 || s == 0);
        double result = Math.sqrt(-2 * Math.log(s) / s) * v1;
        return mean + Math.sqrt(variance) * result;
    }

    /** Collects points into the three arrays. */
    private static final class Builder {
        private final float[] x1;
        private final float[] x2;
        private final float[] label;
        private int size;

        Builder(int n) {
            x1 = new float[n];
            x2 = new float[n];
            label = new float[n];
        }

        void add(double x, double y, double l) {
            x1[size] = (float) x;
            x2[size] = (float) y;
            label[size] = (float) l;
            size++;
        }

        Points2D build(int classes, boolean regression) {
            if (size != x1.length) {
                throw new IllegalStateException("generated " + size + " points, expected " + x1.length);
            }
            return new Points2D(x1, x2, label, classes, regression);
        }
    }
}
