/**
 * The whole UI state as one serializable value ({@link dev.jgrad.playground.state.PlaygroundState}), its choices and
 * its validation. The page keeps the same object in the URL hash, so a link reproduces a setup.
 */
package dev.jgrad.playground.state;
