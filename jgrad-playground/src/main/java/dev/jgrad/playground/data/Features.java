package dev.jgrad.playground.data;

import dev.jgrad.data.synthetic.Polar;

import java.util.List;

/**
 * The playground's input features, computed from the raw coordinates: X1, X2, X1^2, X2^2, X1*X2, sin X1, sin X2,
 * and the polar coordinates r = sqrt(X1^2 + X2^2) and theta = atan2(X2, X1) in (-pi, pi] ({@link Polar}), the
 * representation the notes suggest for data that is round or turns (circle, spirals).
 */
public final class Features {
    private Features() {}

    /** One feature of one point. */
    public static float value(String feature, float x1, float x2) {
        return switch (feature) {
            case "x1" -> x1;
            case "x2" -> x2;
            case "x1sq" -> x1 * x1;
            case "x2sq" -> x2 * x2;
            case "x1x2" -> x1 * x2;
            case "sinx1" -> (float) Math.sin(x1);
            case "sinx2" -> (float) Math.sin(x2);
            case "r" -> Polar.r(x1, x2);
            case "theta" -> Polar.theta(x1, x2);
            default -> throw new IllegalArgumentException("Features: unknown feature '" + feature + "'");
        };
    }

    /** Row-major [n, features.size()] matrix of the chosen features. */
    public static float[] matrix(List<String> features, float[] x1, float[] x2) {
        int f = features.size(), n = x1.length;
        float[] out = new float[n * f];
        for (int j = 0; j < f; j++) {
            String name = features.get(j);
            for (int i = 0; i < n; i++) out[i * f + j] = value(name, x1[i], x2[i]);
        }
        return out;
    }
}
