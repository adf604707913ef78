/**
 * Benchmarks of the kernels: {@link dev.jgrad.bench.GemmBenchmark} (JMH) and {@link dev.jgrad.bench.GemmReport}
 * (a plain main that prints a GFLOPS table, including per-thread CPU-time figures for busy machines).
 * Kernels are looked up by provider name, so this module never names a Vector API type.
 */
package dev.jgrad.bench;
