package dev.jgrad.data.synthetic;

import java.util.Locale;

/** The 2D dataset shapes {@link Synthetic2D} can generate. */
public enum Shape2D {
    /** Playground "circle": positives in a disc of radius 2.5, negatives in the ring 3.5..5. */
    CIRCLE(Kind.BINARY),
    /** Playground "xor": uniform in [-5.3, 5.3]^2 with a 0.3 gap around the axes, label = sign(x*y). */
    XOR(Kind.BINARY),
    /** Playground "gauss": two Gaussians at (2,2) (+1) and (-2,-2) (-1). */
    GAUSS(Kind.BINARY),
    /** Playground "spiral": two interleaved arms of radius 0..5. */
    SPIRAL(Kind.BINARY),
    /** Playground regression "plane": target = (x + y) / 10. */
    PLANE(Kind.REGRESSION),
    /** Playground regression "multi gaussian": six signed bumps at (+-4 or 0, +-2.5). */
    MULTI_GAUSS(Kind.REGRESSION),
    /** Two interleaving half circles. */
    MOONS(Kind.BINARY),
    /** 4x4 board of 3x3 cells over [-6, 6]^2. */
    CHECKERBOARD(Kind.BINARY),
    /** k interleaved spiral arms, labels 0..k-1. */
    SPIRALS(Kind.MULTI_CLASS),
    /** k Gaussian blobs on a circle of radius 4, labels 0..k-1. */
    BLOBS(Kind.MULTI_CLASS);

    /** What the label of a shape means. */
    public enum Kind {
        /** Labels +1 / -1, as in the playground. */
        BINARY,
        /** Labels 0..k-1 for a caller-chosen k. */
        MULTI_CLASS,
        /** A real-valued target. */
        REGRESSION
    }

    private final Kind kind;

    Shape2D(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isRegression() {
        return kind == Kind.REGRESSION;
    }

    /** Class count used when the caller does not choose one: 2 for binary, 3 for k-class, 0 for regression. */
    public int defaultClasses() {
        return switch (kind) {
            case BINARY -> 2;
            case MULTI_CLASS -> 3;
            case REGRESSION -> 0;
        };
    }

    /** The lower-case, dash-separated name used on the command line and in URLs, e.g. {@code multi-gauss}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()} or the enum name, case-insensitively; also the playground's {@code reg-plane}/{@code reg-gauss}. */
    public static Shape2D parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.equals("reg-plane")) {
            return PLANE;
        }
        if (t.equals("reg-gauss")) {
            return MULTI_GAUSS;
        }
        for (Shape2D s : values()) {
            if (s.id().equals(t)) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (Shape2D s : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.id());
        }
        throw new IllegalArgumentException("unknown 2D dataset '" + text + "'; known: " + known);
    }
}
