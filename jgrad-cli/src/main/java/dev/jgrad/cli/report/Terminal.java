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

    /**
     * The terminal's width in columns: {@code COLUMNS} when set (the launcher sets it from the terminal), else what
     * {@code stty size} says about {@code /dev/tty}, else 80.
     */
    public static int columns() {
        Integer fromEnv = positive(System.getenv("COLUMNS"));
        if (fromEnv != null) {
            return fromEnv;
        }
        try {
            java.io.File tty = new java.io.File("/dev/tty");
            if (tty.exists()) {
                Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes()).trim();
                if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
                    Integer cols = positive(out.split(" ")[1]);
                    if (cols != null) {
                        return cols;
                    }
                }
            }
        } catch (java.io.IOException e) {
            // No stty here: the default below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }

    private static Integer positive(String s) {
        if (s == null || !s.trim().matches("\\d{1,5}")) {
            return null;
        }
        int v = Integer.parseInt(s.trim());
        return v > 0 ? v : null;
    }
}
