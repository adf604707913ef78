package dev.jgrad.nn;

/** Constructor argument checks with messages that name the module, the argument and the bad value. */
final class Checks {

    private Checks() {
    }

    static int positive(String module, String arg, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(module + ": " + arg + " must be > 0, got " + value);
        }
        return value;
    }

    static <T> T notNull(String module, String arg, T value) {
        if (value == null) {
            throw new IllegalArgumentException(module + ": " + arg + " must not be null");
        }
        return value;
    }

    static float finite(String module, String arg, float value) {
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(module + ": " + arg + " must be finite, got " + value);
        }
        return value;
    }
}
