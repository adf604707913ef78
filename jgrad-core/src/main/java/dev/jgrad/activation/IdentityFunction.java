package dev.jgrad.activation;

/** f(x) = x. */
final class IdentityFunction extends SimpleFunction {

    IdentityFunction() {
        super("identity", "Linear");
    }

    @Override
    public double value(double x) {
        return x;
    }

    @Override
    public double derivative(double x) {
        return 1;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        if (x != y || xOff != yOff) {
            System.arraycopy(x, xOff, y, yOff, n);
        }
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        // dL/dx = dL/dy
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
