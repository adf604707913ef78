/**
 * Numeric kernels behind one narrow interface ({@link dev.jgrad.backend.Kernels}): a plain reference, a
 * blocked plain-Java implementation (with an unpacked path for products of a few rows), and providers found at
 * run time (Vector API SIMD in {@code jgrad-simd}). {@link dev.jgrad.backend.Backend} makes the choice once and
 * logs it.
 */
package dev.jgrad.backend;
