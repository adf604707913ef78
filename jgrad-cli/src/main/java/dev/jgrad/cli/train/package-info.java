/**
 * Pieces of a training run that are not about data or display: stopping cleanly on Ctrl-C with a checkpoint, and
 * the defaults that depend on the kind of data.
 */
package dev.jgrad.cli.train;
