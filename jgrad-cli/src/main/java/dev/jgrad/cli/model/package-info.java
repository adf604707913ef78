/**
 * Turning command-line choices into jgrad objects: activations, losses, optimizers, the PyTorch-like default
 * initialization, building an MLP from {@code --layers}, and the metadata a saved model carries for eval/predict.
 */
package dev.jgrad.cli.model;
