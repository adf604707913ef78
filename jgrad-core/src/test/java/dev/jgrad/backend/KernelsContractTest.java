package dev.jgrad.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every {@link Kernels} implementation must meet: each method agrees with {@link ReferenceKernels}
 * on awkward sizes, offsets and leading dimensions, within float32 tolerances relative to the magnitude of the
 * terms involved, and never writes outside the range it was given. Subclass it and return the kernels.
 */
public abstract class KernelsContractTest {

    /** The kernels under test. */
    protected abstract Kernels kernels();

    private static final Kernels REF = new ReferenceKernels();
    private static final float EPS = Math.ulp(1f);
    /** Fills the slack around every range; a kernel that writes outside its range changes it. */
    private static final float SENTINEL = -12345.5f;

    static final int[] SIZES = {1, 2, 7, 13, 31, 64, 65, 257};

    // ---------------------------------------------------------------- GEMM

    static Stream<Arguments> gemmCases() {
        int[][] shapes = {{1, 1, 1}, {2, 3, 4}, {7, 13, 5}, {13, 7, 1}, {1, 65, 17}, {31, 1, 64}, {65, 33, 257},
                {64, 64, 64}, {100, 3, 129}, {128, 784, 256}, {3, 257, 65}, {4, 784, 256}, {7, 20, 600},
                {130, 300, 530},
                // few rows (the unpacked small-m paths, cut by columns on two threads): full and ragged blocks of
                // B's rows and columns, k with and without a tail past the last full vector
                {1, 784, 256}, {2, 300, 1000}, {1, 1000, 37}, {3, 70, 200}};
        float[][] alphaBeta = {{1f, 0f}, {0.5f, 0f}, {1f, 1f}, {-1.5f, 0.25f}};
        Stream.Builder<Arguments> cases = Stream.builder();
        for (int[] s : shapes) {
            for (int t = 0; t < 4; t++) {
                for (float[] ab : alphaBeta) {
                    boolean big = s[0] * s[1] * s[2] > 1_000_000;
                    if (big && ab[0] == 0.5f) {
                        continue; // keep the largest shape to three alpha/beta variants: it is the slowest
                    }
                    cases.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0, ab[0], ab[1]));
                }
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "m={0} k={1} n={2} transA={3} transB={4} alpha={5} beta={6}")
    @MethodSource("gemmCases")
    void gemmMatchesReference(int m, int k, int n, boolean transA, boolean transB, float alpha, float beta) {
        checkGemm(new Random(31L * m + 7L * k + n), m, k, n, transA, transB, alpha, beta, 3, 5, 2);
    }

    @Test
    void gemmWithTightLeadingDimensionsAndZeroOffsets() {
        for (int t = 0; t < 4; t++) {
            checkGemm(new Random(t), 9, 17, 33, (t & 1) != 0, (t & 2) != 0, 1f, 0f, 0, 0, 0);
        }
    }

    @Test
    void gemmWithEmptyKScalesCByBeta() {
        float[] c = {1f, 2f, 3f, 4f, 5f, 6f};
        kernels().gemm(false, false, 2, 3, 0, 1f, new float[0], 0, 0, new float[0], 0, 3, 2f, c, 0, 3);
        assertThat(c).containsExactly(2f, 4f, 6f, 8f, 10f, 12f);
    }

    @Test
    void gemmRunsFromManyThreadsAtOnce() throws Exception {
        // Kernels must be stateless: the same product from four threads gives the same answer in each.
        int m = 96, k = 200, n = 130;
        Random rnd = new Random(5);
        float[] a = random(rnd, m * k);
        float[] b = random(rnd, k * n);
        float[] want = new float[m * n];
        kernels().gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, want, 0, n);
        float[][] got = new float[4][m * n];
        Thread[] threads = new Thread[4];
        Throwable[] errors = new Throwable[4];
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    for (int rep = 0; rep < 5; rep++) {
                        kernels().gemm(false, false, m, n, k, 1f, a, 0, k, b, 0, n, 0f, got[id], 0, n);
                    }
                } catch (Throwable e) {
                    errors[id] = e;
                }
            });
            threads[t].start();
        }
        for (int t = 0; t < 4; t++) {
            threads[t].join();
            assertThat(errors[t]).isNull();
            assertThat(got[t]).isEqualTo(want);
        }
    }

    @Property(tries = 60)
    void gemmPropertyRandomShapes(@ForAll @IntRange(min = 1, max = 70) int m,
                                  @ForAll @IntRange(min = 1, max = 70) int k,
                                  @ForAll @IntRange(min = 1, max = 70) int n,
                                  @ForAll @IntRange(min = 0, max = 3) int trans,
                                  @ForAll @IntRange(min = 0, max = 4) int pad,
                                  @ForAll @IntRange(min = 0, max = 1000) int seed) {
        checkGemm(new Random(seed), m, k, n, (trans & 1) != 0, (trans & 2) != 0, 0.75f, pad == 0 ? 0f : -0.5f,
                pad, pad + 1, pad * 2);
    }

    /**
     * Runs both kernels on the same inputs stored with offset {@code off} and leading dimensions larger than
     * the rows by {@code pad}, C pre-filled with NaN when beta == 0, and compares every element.
     */
    private void checkGemm(Random rnd, int m, int k, int n, boolean transA, boolean transB, float alpha,
                           float beta, int off, int offB, int pad) {
        int aRows = transA ? k : m;
        int aCols = transA ? m : k;
        int bRows = transB ? n : k;
        int bCols = transB ? k : n;
        int lda = aCols + pad;
        int ldb = bCols + pad;
        int ldc = n + pad;
        float[] a = matrix(rnd, aRows, aCols, lda, off);
        float[] b = matrix(rnd, bRows, bCols, ldb, offB);
        float[] c0 = matrix(rnd, m, n, ldc, off + 1);
        if (beta == 0f) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c0, off + 1 + i * ldc, off + 1 + i * ldc + n, Float.NaN);
            }
        }
        float[] aCopy = a.clone();
        float[] bCopy = b.clone();
        float[] want = c0.clone();
        float[] got = c0.clone();
        REF.gemm(transA, transB, m, n, k, alpha, a, off, lda, b, offB, ldb, beta, want, off + 1, ldc);
        kernels().gemm(transA, transB, m, n, k, alpha, a, off, lda, b, offB, ldb, beta, got, off + 1, ldc);
        assertThat(a).as("A must not change").isEqualTo(aCopy);
        assertThat(b).as("B must not change").isEqualTo(bCopy);
        double tol = EPS * (4 + 2 * Math.sqrt(k));
        for (int idx = 0; idx < got.length; idx++) {
            int rel = idx - (off + 1);
            int i = rel >= 0 ? rel / ldc : -1;
            int j = rel >= 0 ? rel % ldc : -1;
            boolean inside = rel >= 0 && i < m && j < n;
            if (!inside) {
                if (Float.floatToRawIntBits(got[idx]) != Float.floatToRawIntBits(c0[idx])) {
                    fail(String.format("gemm %s: wrote outside C at index %d (m=%d n=%d ldc=%d off=%d)",
                            kernels().name(), idx, m, n, ldc, off + 1));
                }
                continue;
            }
            double magnitude = Math.abs(beta == 0f ? 0 : beta * c0[idx]);
            for (int p = 0; p < k; p++) {
                float av = transA ? a[off + p * lda + i] : a[off + i * lda + p];
                float bv = transB ? b[offB + j * ldb + p] : b[offB + p * ldb + j];
                magnitude += Math.abs(alpha * av * bv);
            }
            double err = Math.abs((double) got[idx] - want[idx]);
            if (!(err <= tol * magnitude + 1e-30)) {
                fail(String.format("gemm %s m=%d k=%d n=%d transA=%b transB=%b alpha=%s beta=%s: C[%d,%d] = %s,"
                                + " reference %s (error %.3g, allowed %.3g)", kernels().name(), m, k, n, transA,
                        transB, alpha, beta, i, j, got[idx], want[idx], err, tol * magnitude));
            }
        }
    }

    // ---------------------------------------------------------------- elementwise

    @FunctionalInterface
    private interface Binary {
        void apply(Kernels k, float[] x, int xOff, float[] y, int yOff, float[] out, int outOff, int n);
    }

    @FunctionalInterface
    private interface Unary {
        void apply(Kernels k, float[] x, int xOff, float[] out, int outOff, int n);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void binaryOpsMatchReference(int n) {
        Random rnd = new Random(n);
        checkBinary("add", Kernels::add, rnd, n);
        checkBinary("sub", Kernels::sub, rnd, n);
        checkBinary("mul", Kernels::mul, rnd, n);
        checkBinary("div", Kernels::div, rnd, n);
    }

    private void checkBinary(String op, Binary f, Random rnd, int n) {
        float[] x = padded(rnd, n, 3);
        float[] y = padded(rnd, n, 5);
        for (int i = 0; i < n; i++) {
            y[5 + i] = (y[5 + i] < 0 ? -0.25f : 0.25f) + y[5 + i]; // keep divisors away from zero
        }
        float[] want = sentinels(n + 9);
        float[] got = sentinels(n + 9);
        f.apply(REF, x, 3, y, 5, want, 4, n);
        f.apply(kernels(), x, 3, y, 5, got, 4, n);
        // + - * / are correctly rounded IEEE operations: every implementation must agree exactly.
        assertThat(got).as("%s n=%d", op, n).isEqualTo(want);
        // In place (out is x, same offset), as tensor ops do for x += y.
        float[] inPlace = x.clone();
        float[] wantInPlace = x.clone();
        f.apply(REF, wantInPlace, 3, y, 5, wantInPlace, 3, n);
        f.apply(kernels(), inPlace, 3, y, 5, inPlace, 3, n);
        assertThat(inPlace).as("%s in place n=%d", op, n).isEqualTo(wantInPlace);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void axpyAndScaleMatchReference(int n) {
        Random rnd = new Random(100 + n);
        float[] x = padded(rnd, n, 2);
        float[] y0 = padded(rnd, n, 6);
        float alpha = -1.75f;
        float[] want = y0.clone();
        float[] got = y0.clone();
        REF.axpy(alpha, x, 2, want, 6, n);
        kernels().axpy(alpha, x, 2, got, 6, n);
        for (int i = 0; i < got.length; i++) {
            boolean inside = i >= 6 && i < 6 + n;
            // A fused multiply-add rounds once instead of twice: allow one rounding of each term.
            double tol = inside ? EPS * (Math.abs(alpha * x[i - 4]) + Math.abs(y0[i])) : 0;
            assertClose("axpy", n, i, got[i], want[i], tol);
        }
        float[] sWant = sentinels(n + 8);
        float[] sGot = sentinels(n + 8);
        REF.scale(alpha, x, 2, sWant, 7, n);
        kernels().scale(alpha, x, 2, sGot, 7, n);
        assertThat(sGot).as("scale n=%d", n).isEqualTo(sWant);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void transcendentalsMatchReferenceWithinAFewUlps(int n) {
        Random rnd = new Random(200 + n);
        float[] x = new float[n + 6];
        for (int i = 0; i < x.length; i++) {
            x[i] = (rnd.nextFloat() - 0.5f) * 40f; // [-20, 20): exp covers 1e-9..5e8, tanh saturates
        }
        checkUnaryUlps("exp", Kernels::exp, x, n);
        checkUnaryUlps("tanh", Kernels::tanh, x, n);
        checkUnaryUlps("sigmoid", Kernels::sigmoid, x, n);
        for (int i = 0; i < x.length; i++) {
            x[i] = (rnd.nextFloat() - 0.5f) * 2e-3f; // near zero, where tanh(x) ~ x and relative error shows
        }
        checkUnaryUlps("exp", Kernels::exp, x, n);
        checkUnaryUlps("tanh", Kernels::tanh, x, n);
        checkUnaryUlps("sigmoid", Kernels::sigmoid, x, n);
    }

    @Test
    void transcendentalsAtSpecialValues() {
        float[] x = {0f, -0f, 1f, -1f, 88f, 88.7f, 89f, -87f, -103f, -104f, 200f, -200f, 1e-30f, -1e-30f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 9f, -9f, 20f, -20f, 0.5f, -0.5f,
                Float.MIN_VALUE, 3.4e38f, -3.4e38f, 15f, 17f, 30f, -30f, 44f, -44f, 0.625f};
        for (int n : new int[] {x.length, 16, 17}) {
            checkUnaryUlps("exp", Kernels::exp, x, Math.min(n, x.length));
            checkUnaryUlps("tanh", Kernels::tanh, x, Math.min(n, x.length));
            checkUnaryUlps("sigmoid", Kernels::sigmoid, x, Math.min(n, x.length));
        }
    }

    private void checkUnaryUlps(String op, Unary f, float[] x, int n) {
        float[] want = sentinels(n + 3);
        float[] got = sentinels(n + 3);
        f.apply(REF, x, x.length - n, want, 2, n);
        f.apply(kernels(), x, x.length - n, got, 2, n);
        for (int i = 0; i < got.length; i++) {
            if (Float.isNaN(want[i]) || Float.isInfinite(want[i]) || want[i] == 0f || i < 2 || i >= 2 + n) {
                if (want[i] == 0f && Math.abs(got[i]) <= Float.MIN_NORMAL) {
                    continue; // underflow: any result at or below the smallest normal float counts as zero
                }
                boolean same = Float.isNaN(want[i]) ? Float.isNaN(got[i]) : got[i] == want[i];
                if (!same) {
                    fail(String.format("%s(%s) at %d, n=%d: got %s, reference %s", op,
                            i >= 2 && i < 2 + n ? x[x.length - n + i - 2] : "outside", i, n, got[i], want[i]));
                }
                continue;
            }
            // 1e-6 relative (about 8 ulps), or 4 ulps: what a vectorized libm-quality routine promises.
            double tol = Math.max(1e-6 * Math.abs(want[i]), 4 * Math.ulp(want[i]));
            if (Math.abs(want[i]) < Float.MIN_NORMAL) {
                tol = Float.MIN_NORMAL;
            }
            assertClose(op + "(" + x[x.length - n + i - 2] + ")", n, i, got[i], want[i], tol);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void reluMatchesReferenceIncludingNaNAndNegativeZero(int n) {
        Random rnd = new Random(300 + n);
        float[] x = padded(rnd, n, 1);
        x[1] = -0f;
        if (n > 3) {
            x[1 + n / 2] = Float.NaN;
            x[n] = Float.NEGATIVE_INFINITY;
        }
        float[] want = sentinels(n + 4);
        float[] got = sentinels(n + 4);
        REF.relu(x, 1, want, 3, n);
        kernels().relu(x, 1, got, 3, n);
        for (int i = 0; i < got.length; i++) {
            assertThat(Float.floatToIntBits(got[i])).as("relu index %d n=%d: got %s want %s", i, n, got[i], want[i])
                    .isEqualTo(Float.floatToIntBits(want[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void reluBackwardZeroesGradientsWhereTheOutputIsNotPositive(int n) {
        Random rnd = new Random(350 + n);
        float[] y = padded(rnd, n, 2);
        y[2] = 0f;
        if (n > 3) {
            y[2 + n / 2] = Float.NaN; // keeps its gradient: NaN <= 0 is false
            y[1 + n] = -0f;
        }
        float[] g = padded(rnd, n, 1);
        float[] got = g.clone();
        kernels().reluBackward(y, 2, got, 1, n);
        for (int i = 0; i < got.length; i++) {
            boolean inRange = i >= 1 && i < 1 + n;
            float want = inRange && y[i + 1] <= 0f ? 0f : g[i];
            assertThat(Float.floatToIntBits(got[i])).as("reluBackward index %d n=%d (y=%s)", i, n,
                    inRange ? y[i + 1] : "outside").isEqualTo(Float.floatToIntBits(want));
        }
    }

    /**
     * Not relative to the reference but to PyTorch (which the reference must match too): relu(NaN) is NaN, so a
     * diverged unit cannot pass for an inactive one; relu(-0) is +0 here (PyTorch keeps -0; the sign of a zero
     * changes nothing downstream); infinities map to +inf and 0. NaN sits in every lane position of a vector,
     * in the loop's tail, and as every element.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void reluPropagatesNaNInEveryPosition(int n) {
        Random rnd = new Random(320 + n);
        for (int pos = 0; pos < n; pos += pos < 20 ? 1 : 17) {
            float[] x = padded(rnd, n, 2);
            x[2 + pos] = Float.NaN;
            float[] got = sentinels(n + 5);
            kernels().relu(x, 2, got, 1, n);
            for (int i = 0; i < got.length; i++) {
                boolean inRange = i >= 1 && i < 1 + n;
                float v = inRange ? x[i + 1] : 0f;
                float want = !inRange ? SENTINEL : Float.isNaN(v) ? Float.NaN : v > 0f ? v : 0f;
                assertThat(Float.floatToIntBits(got[i])).as("relu index %d n=%d NaN at %d (x=%s)", i, n, pos,
                        inRange ? v : "outside").isEqualTo(Float.floatToIntBits(want));
            }
        }
        float[] allNaN = new float[n];
        Arrays.fill(allNaN, Float.NaN);
        float[] out = new float[n];
        kernels().relu(allNaN, 0, out, 0, n);
        for (float v : out) {
            assertThat(v).isNaN();
        }
        float[] special = {Float.NaN, -0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                -Float.MIN_VALUE, -1f, 2f};
        float[] specialOut = new float[special.length];
        kernels().relu(special, 0, specialOut, 0, special.length);
        assertThat(specialOut).containsExactly(Float.NaN, 0f, 0f, Float.POSITIVE_INFINITY, 0f, Float.MIN_VALUE, 0f, 0f, 2f);
        assertThat(Float.floatToRawIntBits(specialOut[1])).as("relu(-0) is +0").isZero();
    }

    /** The gradient through relu at a NaN output is passed on, as PyTorch's threshold_backward does. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void reluBackwardKeepsTheGradientAtNaNInEveryPosition(int n) {
        Random rnd = new Random(370 + n);
        for (int pos = 0; pos < n; pos += pos < 20 ? 1 : 17) {
            float[] y = padded(rnd, n, 1);
            for (int i = 0; i < n; i++) {
                y[1 + i] = Math.max(y[1 + i], 0f); // a relu output: zeros and positives
            }
            y[1 + pos] = Float.NaN;
            float[] g = padded(rnd, n, 3);
            float[] got = g.clone();
            kernels().reluBackward(y, 1, got, 3, n);
            for (int i = 0; i < got.length; i++) {
                boolean inRange = i >= 3 && i < 3 + n;
                float want = inRange && y[i - 2] == 0f ? 0f : g[i];
                assertThat(Float.floatToIntBits(got[i])).as("reluBackward index %d n=%d NaN at %d", i, n, pos)
                        .isEqualTo(Float.floatToIntBits(want));
            }
        }
    }

    // ---------------------------------------------------------------- reductions

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257, 10_000})
    void sumAndDotMatchReference(int n) {
        Random rnd = new Random(400 + n);
        float[] x = padded(rnd, n, 3);
        float[] y = padded(rnd, n, 1);
        double tol = EPS * (4 + 2 * Math.sqrt(n));
        double absSum = 0;
        double absDot = 0;
        for (int i = 0; i < n; i++) {
            absSum += Math.abs(x[3 + i]);
            absDot += Math.abs(x[3 + i] * y[1 + i]);
        }
        assertClose("sum", n, 0, kernels().sum(x, 3, n), REF.sum(x, 3, n), tol * absSum);
        assertClose("dot", n, 0, kernels().dot(x, 3, y, 1, n), REF.dot(x, 3, y, 1, n), tol * absDot);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void maxMatchesReferenceAndPropagatesNaN(int n) {
        Random rnd = new Random(500 + n);
        float[] x = padded(rnd, n, 2);
        x[0] = 1e9f; // outside the range: must be ignored
        x[x.length - 1] = 1e9f;
        for (int i = 0; i < n; i++) {
            x[2 + i] -= 10f; // all negative, so a kernel starting from 0 would be wrong
        }
        assertThat(kernels().max(x, 2, n)).as("max n=%d", n).isEqualTo(REF.max(x, 2, n));
        for (int pos : new int[] {0, n / 2, n - 1}) {
            float[] withNaN = x.clone();
            withNaN[2 + pos] = Float.NaN;
            assertThat(kernels().max(withNaN, 2, n)).as("max with NaN at %d of %d", pos, n).isNaN();
        }
        float[] infs = x.clone();
        Arrays.fill(infs, 2, 2 + n, Float.NEGATIVE_INFINITY);
        assertThat(kernels().max(infs, 2, n)).isEqualTo(Float.NEGATIVE_INFINITY);
    }

    // ---------------------------------------------------------------- row/column helpers

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 13, 31, 64, 65, 257})
    void addRowVectorAndSumRowsMatchReference(int cols) {
        Random rnd = new Random(600 + cols);
        for (int rows : new int[] {1, 3, 17}) {
            float[] v = padded(rnd, cols, 4);
            float[] m0 = padded(rnd, rows * cols, 5);
            float[] want = m0.clone();
            float[] got = m0.clone();
            REF.addRowVector(want, 5, rows, cols, v, 4);
            kernels().addRowVector(got, 5, rows, cols, v, 4);
            assertThat(got).as("addRowVector rows=%d cols=%d", rows, cols).isEqualTo(want);

            float[] out0 = padded(rnd, cols, 2);
            float[] sWant = out0.clone();
            float[] sGot = out0.clone();
            REF.sumRows(m0, 5, rows, cols, sWant, 2);
            kernels().sumRows(m0, 5, rows, cols, sGot, 2);
            for (int i = 0; i < sGot.length; i++) {
                double magnitude = Math.abs(out0[i]);
                if (i >= 2 && i < 2 + cols) {
                    for (int r = 0; r < rows; r++) {
                        magnitude += Math.abs(m0[5 + r * cols + i - 2]);
                    }
                }
                assertClose("sumRows rows=" + rows, cols, i, sGot[i], sWant[i], EPS * (rows + 1) * magnitude);
            }
        }
    }

    // ---------------------------------------------------------------- smooth activations

    /** One smooth activation's kernels and float64 math (alpha for ELU), as the contract tests drive them. */
    private record Smooth(String name, Forward forward, Backward backward, java.util.function.DoubleUnaryOperator value,
                          java.util.function.DoubleUnaryOperator derivative) {
    }

    @FunctionalInterface
    private interface Forward {
        void apply(Kernels k, float[] x, int xOff, float[] y, int yOff, int n);
    }

    @FunctionalInterface
    private interface Backward {
        void apply(Kernels k, float[] x, int xOff, float[] y, int yOff, float[] g, int gOff, int n);
    }

    private static List<Smooth> smooth() {
        List<Smooth> all = new java.util.ArrayList<>();
        for (String spec : new String[] {"gelu", "silu", "mish", "elu", "elu:0.5"}) {
            ActivationFunction f = Activations.parse(spec);
            float alpha = spec.equals("elu:0.5") ? 0.5f : 1f;
            Forward fwd = switch (spec) {
                case "gelu" -> Kernels::gelu;
                case "silu" -> Kernels::silu;
                case "mish" -> Kernels::mish;
                default -> (k, x, xo, y, yo, n) -> k.elu(alpha, x, xo, y, yo, n);
            };
            Backward bwd = switch (spec) {
                case "gelu" -> Kernels::geluBackward;
                case "silu" -> (k, x, xo, y, yo, g, go, n) -> k.siluBackward(x, xo, g, go, n);
                case "mish" -> (k, x, xo, y, yo, g, go, n) -> k.mishBackward(x, xo, g, go, n);
                default -> (k, x, xo, y, yo, g, go, n) -> k.eluBackward(alpha, y, yo, g, go, n);
            };
            all.add(new Smooth(spec, fwd, bwd, f::value, f::derivative));
        }
        return all;
    }

    /** Inputs over [-15, 15], [-4, 4] and near zero in turn, where the activations bend, saturate and vanish. */
    private static float[] activationInputs(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            float u = rnd.nextFloat() - 0.5f;
            x[i] = switch (i % 3) {
                case 0 -> u * 30f;
                case 1 -> u * 8f;
                default -> u * 2e-3f;
            };
        }
        return x;
    }

    /**
     * Forward and fused backward of GELU, SiLU, Mish and ELU agree with the scalar kernels and with their float64
     * math on odd sizes (vector bodies with every tail length), at offsets, in place, never writing outside the
     * range: forward within 16 ulps (measured at most 7.4 for the vector GELU), backward within 5e-7 of the
     * gradient's scale (derivatives cross zero, so a relative bound would not do).
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 15, 17, 33, 1000, 1031})
    void smoothActivationsMatchTheScalarKernelsAndFloat64(int n) {
        Random rnd = new Random(300 + n);
        float[] in = activationInputs(rnd, n);
        float[] x = sentinels(n + 5);
        System.arraycopy(in, 0, x, 3, n);
        for (Smooth a : smooth()) {
            float[] got = sentinels(n + 4);
            float[] want = sentinels(n + 4);
            a.forward().apply(kernels(), x, 3, got, 1, n);
            a.forward().apply(REF, x, 3, want, 1, n);
            for (int i = 0; i < got.length; i++) {
                boolean inside = i >= 1 && i < 1 + n;
                if (!inside) {
                    assertThat(got[i]).as("%s n=%d wrote outside its range at %d", a.name(), n, i).isEqualTo(SENTINEL);
                    continue;
                }
                double tol = 16 * Math.ulp(want[i]) + Float.MIN_NORMAL;
                assertClose(a.name() + "(" + x[i + 2] + ")", n, i, got[i], want[i], tol);
                double exact = a.value().applyAsDouble(x[i + 2]);
                assertClose(a.name() + "(" + x[i + 2] + ") vs float64", n, i, got[i], (float) exact,
                        tol + 2e-7 * Math.abs(exact));
            }
            // In place (y is x), as a fused layer runs it over its pre-activations.
            float[] inPlace = x.clone();
            a.forward().apply(kernels(), inPlace, 3, inPlace, 3, n);
            assertThat(Arrays.copyOfRange(inPlace, 3, 3 + n)).as("%s in place", a.name())
                    .isEqualTo(Arrays.copyOfRange(got, 1, 1 + n));

            float[] g = padded(rnd, n, 2);
            float[] gGot = g.clone();
            float[] gWant = g.clone();
            a.backward().apply(kernels(), x, 3, got, 1, gGot, 2, n);
            a.backward().apply(REF, x, 3, want, 1, gWant, 2, n);
            for (int i = 0; i < g.length; i++) {
                boolean inside = i >= 2 && i < 2 + n;
                if (!inside) {
                    assertThat(gGot[i]).as("%s backward n=%d wrote outside its range at %d", a.name(), n, i)
                            .isEqualTo(SENTINEL);
                    continue;
                }
                double scale = Math.max(Math.abs(g[i]), Math.abs(gWant[i]));
                assertClose(a.name() + "'(" + x[i + 1] + ")", n, i, gGot[i], gWant[i], 5e-7 * scale);
                double exact = g[i] * a.derivative().applyAsDouble(x[i + 1]);
                assertClose(a.name() + "'(" + x[i + 1] + ") vs float64", n, i, gGot[i], (float) exact, 5e-7 * scale);
            }
        }
    }

    @Test
    void smoothActivationsAtSpecialValues() {
        float[] x = {0f, -0f, 1e-30f, -1e-30f, Float.MIN_VALUE, 20f, -20f, 88f, -88f, 200f, -200f, 1e30f, -1e30f,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 0.5f, -0.75f};
        for (Smooth a : smooth()) {
            for (int n : new int[] {x.length, 16, 17, 7}) {
                int m = Math.min(n, x.length);
                float[] got = new float[m];
                float[] want = new float[m];
                a.forward().apply(kernels(), x, 0, got, 0, m);
                a.forward().apply(REF, x, 0, want, 0, m);
                float[] gGot = new float[m];
                float[] gWant = new float[m];
                Arrays.fill(gGot, 1f);
                Arrays.fill(gWant, 1f);
                a.backward().apply(kernels(), x, 0, got, 0, gGot, 0, m);
                a.backward().apply(REF, x, 0, want, 0, gWant, 0, m);
                for (int i = 0; i < m; i++) {
                    assertClose(a.name() + "(" + x[i] + ")", m, i, got[i], want[i],
                            16 * Math.ulp(want[i]) + Float.MIN_NORMAL);
                    if (!Float.isInfinite(x[i])) { // f'(+-inf) is 0 * inf in some formulas: no promise there
                        assertClose(a.name() + "'(" + x[i] + ")", m, i, gGot[i], gWant[i], 5e-7 * Math.max(1, Math.abs(gWant[i])));
                    }
                }
            }
        }
    }

    /**
     * GELU against an independent float64 erfc (series and continued fraction), over [-15, 15]: the kernels stay
     * within 16 ulps of the exact value everywhere, the left tail included (the scalar kernels measured 2.2 ulps,
     * the vector ones 7.4, on 2 million points).
     */
    @Test
    void geluIsExactToFloat32AccuracyAgainstAnIndependentErf() {
        Random rnd = new Random(11);
        int n = 20_000;
        float[] x = activationInputs(rnd, n);
        float[] y = new float[n];
        kernels().gelu(x, 0, y, 0, n);
        float[] g = new float[n];
        Arrays.fill(g, 1f);
        kernels().geluBackward(x, 0, y, 0, g, 0, n);
        for (int i = 0; i < n; i++) {
            float exact = (float) ExactNormal.gelu(x[i]);
            assertClose("gelu(" + x[i] + ") vs exact erf", n, i, y[i], exact, 16 * Math.ulp(exact) + Float.MIN_NORMAL);
            assertClose("gelu'(" + x[i] + ") vs exact erf", n, i, g[i], (float) ExactNormal.geluDerivative(x[i]), 5e-7);
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void assertClose(String op, int n, int index, float got, float want, double tol) {
        if (got == want) {
            return; // infinities included, whose difference is NaN
        }
        double err = Math.abs((double) got - want);
        if (Float.isNaN(want) ? !Float.isNaN(got) : !(err <= tol)) {
            fail(String.format("%s n=%d index %d: got %s, reference %s (error %.3g, allowed %.3g)",
                    op, n, index, got, want, err, tol));
        }
    }

    private static float[] random(Random rnd, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextFloat() * 2f - 1f;
        }
        return x;
    }

    /** Random values in [-1, 1) at [off, off + n), sentinels around them. */
    // ---------------------------------------------------------------- optimizer steps

    /**
     * Adam is defined bit for bit by {@link ScalarAdam}: every kernel gives the same bits on odd sizes and offsets,
     * with and without AdamW's decay, over several steps (so m and v are not zero), and writes only its range.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 7, 8, 15, 17, 33, 1000, 1031})
    void adamMatchesTheScalarKernelBitForBit(int n) {
        Random rnd = new Random(900 + n);
        int off = 3;
        for (float decay : new float[] {1f, 1f - 1e-3f * 0.01f}) {
            float[] w = padded(rnd, n, off);
            float[] g = padded(rnd, n, off);
            float[] m = padded(rnd, n, off);
            float[] v = padded(rnd, n, off);
            for (int i = off; i < off + n; i++) {
                v[i] = Math.abs(v[i]) * 1e-3f; // a second moment is never negative
                if (i % 5 == 0) {
                    g[i] = 0f;
                    v[i] = 0f; // the denominator is then eps alone
                }
            }
            float[][] got = {w.clone(), m.clone(), v.clone()};
            float[][] want = {w.clone(), m.clone(), v.clone()};
            for (int t = 1; t <= 3; t++) {
                float stepSize = (float) (1e-3 / (1 - Math.pow(0.9, t)));
                float sqrtBias2 = (float) Math.sqrt(1 - Math.pow(0.999, t));
                kernels().adam(got[0], g, got[1], got[2], off, n, 0.9f, 0.999f, stepSize, sqrtBias2, 1e-8f, decay);
                ScalarAdam.update(want[0], g, want[1], want[2], off, n, 0.9f, 0.999f, stepSize, sqrtBias2, 1e-8f, decay);
            }
            String[] names = {"w", "m", "v"};
            for (int a = 0; a < 3; a++) {
                assertThat(got[a]).as("adam %s, n=%d, decay=%s (slack must keep its sentinels)", names[a], n, decay)
                        .isEqualTo(want[a]);
            }
        }
    }

    /** The scalar Adam kernel against the paper's formula in float64, one step from zero moments and a later one. */
    @Test
    void scalarAdamFollowsThePaper() {
        float[] w = {0.5f, -0.25f, 2f, 0f};
        float[] g = {0.1f, -3f, 0f, 1e-6f};
        float[] m = {0f, 0f, 0f, 0f};
        float[] v = {0f, 0f, 0f, 0f};
        double lr = 0.01;
        double b1 = 0.9f; // the float32 hyperparameters, exactly
        double b2 = 0.999f;
        double eps = 1e-8f;
        double[] wd = {0.5, -0.25, 2, 0};
        double[] md = new double[4];
        double[] vd = new double[4];
        for (int t = 1; t <= 2; t++) {
            ScalarAdam.update(w, g, m, v, 0, 4, (float) b1, (float) b2, (float) (lr / (1 - Math.pow(b1, t))),
                    (float) Math.sqrt(1 - Math.pow(b2, t)), (float) eps, 1f);
            for (int i = 0; i < 4; i++) {
                md[i] = b1 * md[i] + (1 - b1) * g[i];
                vd[i] = b2 * vd[i] + (1 - b2) * g[i] * g[i];
                double mhat = md[i] / (1 - Math.pow(b1, t));
                double vhat = vd[i] / (1 - Math.pow(b2, t));
                wd[i] -= lr * mhat / (Math.sqrt(vhat) + eps);
            }
        }
        // Two steps of the same gradient move each weight by about 2 lr against the gradient's sign; 0 stays.
        assertThat(wd[0]).isCloseTo(0.5 - 0.02, org.assertj.core.data.Offset.offset(1e-6));
        for (int i = 0; i < 4; i++) {
            assertThat((double) w[i]).as("w[%d]", i).isCloseTo(wd[i], org.assertj.core.data.Offset.offset(2e-6));
            assertThat((double) m[i]).as("m[%d]", i).isCloseTo(md[i], org.assertj.core.data.Offset.offset(1e-6 * Math.abs(md[i]) + 1e-12));
            assertThat((double) v[i]).as("v[%d]", i).isCloseTo(vd[i], org.assertj.core.data.Offset.offset(1e-6 * Math.abs(vd[i]) + 1e-15));
        }
        assertThat(w[2]).isEqualTo(2f);
    }

    private static float[] padded(Random rnd, int n, int off) {
        float[] x = sentinels(off + n + 3);
        for (int i = 0; i < n; i++) {
            x[off + i] = rnd.nextFloat() * 2f - 1f;
        }
        return x;
    }

    private static float[] sentinels(int n) {
        float[] x = new float[n];
        Arrays.fill(x, SENTINEL);
        return x;
    }

    /** A rows x cols matrix stored with leading dimension ld at offset off; slack holds sentinels. */
    private static float[] matrix(Random rnd, int rows, int cols, int ld, int off) {
        float[] x = sentinels(off + rows * ld + 2);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                x[off + r * ld + c] = rnd.nextFloat() * 2f - 1f;
            }
        }
        return x;
    }
}
