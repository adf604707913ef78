/** The digit pad: classify a 28x28 drawing with a model file given at startup. */
package dev.jgrad.playground.digits;
