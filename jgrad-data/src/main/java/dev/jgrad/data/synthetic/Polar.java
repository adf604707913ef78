package dev.jgrad.data.synthetic;

/**
 * Polar coordinates of a 2D point, the hand-crafted representation the notes show for round data ("How about
 * now?": r = sqrt(x^2 + y^2), tan phi = y / x). One definition shared by the playground's r and theta input
 * features and the examples.
 */
public final class Polar {

    private Polar() {
    }

    /** The distance from the origin, {@code sqrt(x1^2 + x2^2)} without intermediate overflow. */
    public static float r(float x1, float x2) {
        return (float) Math.hypot(x1, x2);
    }

    /** The angle from the positive x1 axis, {@code atan2(x2, x1)}, in (-pi, pi]; 0 at the origin. */
    public static float theta(float x1, float x2) {
        return (float) Math.atan2(x2, x1);
    }

    /** Row-major n x 2 features {@code [r[0], theta[0], r[1], theta[1], ...]} of the points. */
    public static float[] features(Points2D points) {
        float[] x1 = points.x1();
        float[] x2 = points.x2();
        float[] f = new float[2 * x1.length];
        for (int i = 0; i < x1.length; i++) {
            f[2 * i] = r(x1[i], x2[i]);
            f[2 * i + 1] = theta(x1[i], x2[i]);
        }
        return f;
    }
}
