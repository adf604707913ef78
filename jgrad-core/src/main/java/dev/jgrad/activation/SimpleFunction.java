package dev.jgrad.activation;

/** The parts every built-in shares: a fixed spec and display name, equality by spec. */
abstract class SimpleFunction implements ActivationFunction {

    private final String spec;
    private final String displayName;

    SimpleFunction(String spec, String displayName) {
        this.spec = spec;
        this.displayName = displayName;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof ActivationFunction f && f.spec().equals(spec);
    }

    @Override
    public final int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return spec;
    }
}
