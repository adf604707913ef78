/*
 * What one core of this machine can do, as a yardstick for the GEMM and inference figures in BENCHMARKS.md:
 * the FP32 FMA peak (24 independent 512-bit FMA chains) and the read bandwidth for a few working-set sizes.
 *
 *   gcc -O2 -mavx512f -o /tmp/machine_limits jgrad-bench/peers/machine_limits.c && /tmp/machine_limits
 *
 * Needs AVX-512F. Run it on a quiet machine, a few times: the best figure is the limit.
 */
#include <immintrin.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static void fma_peak(void) {
    __m512 acc[24];
    for (int i = 0; i < 24; i++) acc[i] = _mm512_set1_ps(0.0f);
    __m512 a = _mm512_set1_ps(1.0000001f), b = _mm512_set1_ps(0.9999999f);
    long iters = 100000000L;
    double t0 = now();
    for (long it = 0; it < iters; it++) {
#pragma GCC unroll 24
        for (int i = 0; i < 24; i++) acc[i] = _mm512_fmadd_ps(a, b, acc[i]);
    }
    double s = now() - t0;
    float sum = 0;
    for (int i = 0; i < 24; i++) sum += _mm512_reduce_add_ps(acc[i]);
    printf("FP32 FMA peak, one core: %.1f GFLOPS (checksum %g)\n", iters * 24.0 * 32 / s / 1e9, sum);
}

static void read_bandwidth(size_t bytes) {
    size_t n = bytes / 4;
    float *x = aligned_alloc(64, n * 4);
    for (size_t i = 0; i < n; i++) x[i] = 1.0f;
    __m512 s0 = _mm512_setzero_ps(), s1 = s0, s2 = s0, s3 = s0;
    long reps = 4000000000L / (long) bytes + 1;
    double t0 = now();
    for (long r = 0; r < reps; r++) {
        for (size_t i = 0; i < n; i += 64) {
            s0 = _mm512_add_ps(s0, _mm512_load_ps(x + i));
            s1 = _mm512_add_ps(s1, _mm512_load_ps(x + i + 16));
            s2 = _mm512_add_ps(s2, _mm512_load_ps(x + i + 32));
            s3 = _mm512_add_ps(s3, _mm512_load_ps(x + i + 48));
        }
    }
    double s = now() - t0;
    float sum = _mm512_reduce_add_ps(_mm512_add_ps(_mm512_add_ps(s0, s1), _mm512_add_ps(s2, s3)));
    printf("read bandwidth, %5zu KB working set: %6.1f GB/s (%.1f us per pass, checksum %g)\n", bytes / 1024,
           reps * (double) bytes / s / 1e9, s / reps * 1e6, sum);
    free(x);
}

int main(void) {
    fma_peak();
    size_t sizes[] = {256 << 10, 1 << 20, 4 << 20};
    for (int i = 0; i < 3; i++) read_bandwidth(sizes[i]);
    return 0;
}
