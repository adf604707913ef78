package dev.jgrad.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs a jgrad command line in-process and captures what it printed. */
final class Cli {

    /** The exit code and the text written to stdout and stderr. */
    record Result(int code, String out, String err) {
        /** Non-empty stderr lines. */
        java.util.List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
