/**
 * What the commands show and write: the per-epoch progress bar (or plain lines when stderr is not a terminal), the
 * table of epoch metrics, loss and accuracy curves as PNG and SVG, and small number and duration formats.
 */
package dev.jgrad.cli.report;
