package dev.jgrad.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.util.function.Supplier;

/**
 * How a command refuses an option value: as a picocli {@link ParameterException}, which {@link UsageErrorHandler}
 * prints as one line with a pointer to {@code --help} and exit code {@link ExitCodes#USAGE}. Every command turns the
 * library's {@link IllegalArgumentException}s about a value into such an error here, so the wording is the same
 * everywhere.
 */
public final class Usage {

    private Usage() {
    }

    /** A usage error of {@code spec}'s command with this message. */
    public static ParameterException error(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /**
     * Runs a parser of an option's value; its {@link IllegalArgumentException} becomes a usage error that starts
     * with the option's name ({@code "--loss: unknown loss 'x'"}), unless the message already names an option.
     * With a null {@code option}, the parser's message is used as it is.
     */
    public static <T> T parse(CommandSpec spec, String option, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            throw error(spec, option == null || m.startsWith("--") ? m : option + ": " + m);
        }
    }
}
