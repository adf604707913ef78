package dev.jgrad.cli.report;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether we talk to a person at a terminal (redraw a progress bar) or to a log file (print plain lines). */
public final class Terminal {

    private Terminal() {
    }

    /**
     * True when stdin/stdout are a terminal. {@code System.console()} is null otherwise up to JDK 21; from JDK 22
     * it may exist anyway and {@code Console.isTerminal()} tells (called reflectively to build on JDK 17).
     */
    public static boolean isInteractive() {
        Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 17-21: a console exists only for a terminal
        }
    }
}
