/**
 * Getting data for the commands: resolving {@code --data} (a named IDX set, a directory of IDX files, a CSV file
 * or a synthetic 2D set), splitting and scaling it, reading prediction inputs (CSV rows, PNG images) and matching
 * a file's labels to a model's classes.
 */
package dev.jgrad.cli.data;
