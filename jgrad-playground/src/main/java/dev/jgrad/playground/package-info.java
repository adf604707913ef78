/**
 * The jgrad playground: a TensorFlow-Playground-style page where a person trains a small network live.
 *
 * <p>{@link dev.jgrad.playground.PlaygroundServer} is the entry point. Training runs on the server in the jgrad engine;
 * the browser only renders what the server streams.
 */
package dev.jgrad.playground;
