package dev.jgrad.playground.state;

/** Numeric ranges of the state; the page's controls use the same bounds. */
public final class Limits {
    private Limits() {}

    /** Points per built-in set (TF Playground's count for classification). */
    public static final int POINTS = 500;
    /** TF Playground's count for its regression sets, used in the TF-compatible mode. */
    public static final int TF_REGRESSION_POINTS = 1200;
    public static final double MAX_BIAS_INIT = 1;
    public static final double MAX_TARGET_LOSS = 10;
    /** Hidden controls and kept link parameters, each. */
    public static final int MAX_LINK_EXTRAS = 40;
    public static final int MAX_NOISE = 50;
    public static final int MIN_TRAIN_RATIO = 10, MAX_TRAIN_RATIO = 90;
    public static final int MAX_LAYERS = 6, MAX_NEURONS = 32;
    public static final double MIN_LR = 0.00001, MAX_LR = 10;
    public static final double MAX_REG_RATE = 10;
    public static final int MIN_BATCH = 1, MAX_BATCH = 30;
    public static final double MAX_DROPOUT = 0.9;
    public static final int MIN_SPEED = 1, MAX_SPEED = 100;
    public static final int MIN_CLASSES = 2, MAX_CLASSES = 8;
    /** Seeds stay below 2^31 so JavaScript numbers carry them exactly. */
    public static final long MAX_SEED = Integer.MAX_VALUE;
    /** Painted or uploaded points, so a link (and a request body) stays bounded. */
    public static final int MAX_CUSTOM_POINTS = 2000;
    /** Points live in the playground's square [-6, 6]^2, like TensorFlow Playground. */
    public static final double DOMAIN = 6;
}
