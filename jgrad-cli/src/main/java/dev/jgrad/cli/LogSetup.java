package dev.jgrad.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes java.util.logging to stderr, one line per record. Without {@code --verbose} only warnings show: the
 * commands print what matters (e.g. train prints the kernel choice itself), so the INFO log would repeat it.
 */
final class LogSetup {

    private LogSetup() {
    }

    static void configure(boolean verbose) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler handler = new ConsoleHandler(); // writes to System.err
        handler.setFormatter(new OneLineFormatter());
        Level level = verbose ? Level.INFO : Level.WARNING;
        handler.setLevel(level);
        root.setLevel(level);
        root.addHandler(handler);
    }
}
