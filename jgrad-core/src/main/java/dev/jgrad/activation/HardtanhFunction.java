package dev.jgrad.activation;

/** x clipped to [min, max]; f' = 1 strictly inside, 0 outside (as PyTorch), read from the output. */
final class HardtanhFunction extends SimpleFunction {

    private final float min;
    private final float max;

    HardtanhFunction(double min, double max) {
        super(Activations.spec("hardtanh", min, max), "Hardtanh [" + Activations.format(min) + ", "
                + Activations.format(max) + "]");
        if (!(min < max)) {
            throw new IllegalArgumentException("hardtanh: need min < max, got [" + min + ", " + max + "]");
        }
        this.min = (float) min;
        this.max = (float) max;
    }

    @Override
    public double value(double x) {
        return x < min ? min : (x > max ? max : x);
    }

    @Override
    public double derivative(double x) {
        return x > min && x < max ? 1 : 0;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v < min ? min : (v > max ? max : v);
        }
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            float v = y[yOff + i];
            if (!(v > min && v < max)) {
                g[gOff + i] = 0f;
            }
        }
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
