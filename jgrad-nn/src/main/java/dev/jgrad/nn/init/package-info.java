/**
 * Weight initializers: {@link dev.jgrad.nn.init.Initializer} fills a tensor in place from an explicit
 * {@link java.util.Random}; {@link dev.jgrad.nn.init.Initializers} has zeros, constant, uniform, normal,
 * Glorot (Xavier) and He (Kaiming).
 */
package dev.jgrad.nn.init;
