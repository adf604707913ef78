/**
 * The {@code jgrad} command line: {@link dev.jgrad.cli.Main} wires the picocli commands, maps failures to exit codes
 * (0 success, 1 failure, 2 usage or input error) and prints one line per error unless {@code --verbose}.
 */
package dev.jgrad.cli;
