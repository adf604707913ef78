package dev.jgrad.cli.report;

/** How training progress is shown on stderr. */
public enum ProgressMode {
    /** A bar redrawn in place: for a terminal. */
    BAR,
    /** A plain line now and then: for logs and CI. */
    LINES,
    /** Nothing. */
    NONE;

    /** BAR on a terminal, LINES otherwise. */
    public static ProgressMode auto() {
        return Terminal.isInteractive() ? BAR : LINES;
    }
}
