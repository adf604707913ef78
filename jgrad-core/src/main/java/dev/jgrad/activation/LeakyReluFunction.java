package dev.jgrad.activation;

/** x for x &gt; 0, alpha x otherwise (alpha &gt;= 0, so the sign of y tells the branch). */
final class LeakyReluFunction extends SimpleFunction {

    private final float alpha;

    LeakyReluFunction(double alpha) {
        super(Activations.spec("leaky-relu", alpha), "Leaky ReLU (alpha " + Activations.format(alpha) + ")");
        if (!(alpha >= 0)) {
            throw new IllegalArgumentException("leaky-relu: alpha must be >= 0, got " + alpha);
        }
        this.alpha = (float) alpha;
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * x;
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : alpha;
    }

    @Override
    public void forward(float[] x, int xOff, float[] y, int yOff, int n) {
        float a = alpha;
        for (int i = 0; i < n; i++) {
            float v = x[xOff + i];
            y[yOff + i] = v > 0 ? v : a * v;
        }
    }

    @Override
    public void backward(float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n) {
        float a = alpha;
        for (int i = 0; i < n; i++) {
            if (!(y[yOff + i] > 0)) {
                g[gOff + i] *= a;
            }
        }
    }

    @Override
    public boolean backwardReadsInput() {
        return false;
    }
}
