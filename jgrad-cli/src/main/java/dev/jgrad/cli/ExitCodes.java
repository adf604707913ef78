package dev.jgrad.cli;

/** The exit codes every command uses. */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command ran but failed (a gradient check failed, training diverged, an unexpected error). */
    public static final int FAILURE = 1;
    /** Bad usage or bad input: an unknown option, a missing or malformed file, a model that does not fit the data. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
