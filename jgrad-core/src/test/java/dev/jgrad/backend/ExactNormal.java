package dev.jgrad.backend;

/**
 * The normal CDF and GELU in float64 from an erfc that is exact to about 1e-13 relative (the Taylor series of erf
 * below 2, Laplace's continued fraction above): the reference the float32 GELU kernels are measured against,
 * independent of the Chebyshev fit they use.
 */
final class ExactNormal {

    private ExactNormal() {
    }

    static double erfc(double z) {
        if (z < 0) {
            return 2 - erfc(-z);
        }
        if (z < 2) {
            double sum = 0;
            double term = z; // (-1)^k z^(2k+1) / k!
            for (int k = 0; k < 60; k++) {
                sum += term / (2 * k + 1);
                term *= -z * z / (k + 1);
            }
            return 1 - 2 / Math.sqrt(Math.PI) * sum;
        }
        double fraction = 0;
        for (int k = 4000; k >= 1; k--) {
            fraction = (k / 2.0) / (z + fraction);
        }
        return Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + fraction);
    }

    static double cdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double gelu(double x) {
        return x * cdf(x);
    }

    static double geluDerivative(double x) {
        return cdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }
}
