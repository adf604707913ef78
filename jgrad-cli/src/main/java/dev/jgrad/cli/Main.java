package dev.jgrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * The entry point of {@code jgrad.jar}. Tests run commands in-process through {@link #commandLine} with their own
 * writers; {@link #main} adds the real streams and {@code System.exit}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Charts are drawn off-screen; without this AWT may look for a display.
        System.setProperty("java.awt.headless", "true");
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = commandLine(out, err).execute(args);
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; give Java more with JGRAD_JAVA_OPTS=-Xmx8g (or a smaller --batch-size)");
            code = ExitCodes.FAILURE;
        } catch (Error e) {
            // picocli hands Errors through; still one line, and the trace only when asked for.
            err.println("error: " + e);
            if (java.util.Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            code = ExitCodes.FAILURE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The {@code jgrad} command with its subcommands, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new JgradCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionStrategy(parseResult -> {
            LogSetup.configure(isVerbose(parseResult));
            return new CommandLine.RunLast().execute(parseResult);
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Whether {@code --verbose} was given anywhere on the command line that is running {@code spec}. */
    public static boolean isVerbose(picocli.CommandLine.Model.CommandSpec spec) {
        ParseResult root = spec.root().commandLine().getParseResult();
        return root != null && isVerbose(root);
    }

    /** Whether {@code --verbose} was given to the command or any subcommand. */
    static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
