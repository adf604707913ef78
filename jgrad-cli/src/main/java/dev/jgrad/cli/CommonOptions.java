package dev.jgrad.cli;

import picocli.CommandLine.Option;

/** Options every command accepts (a picocli mixin). */
public final class CommonOptions {

    @Option(names = "--verbose", description = "Show stack traces on errors and the engine's log (kernel choice).")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }
}
