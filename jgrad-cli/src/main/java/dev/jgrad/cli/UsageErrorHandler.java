package dev.jgrad.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;

/**
 * A mistyped command line: one line saying what is wrong, with a suggestion for a misspelt option and a pointer to
 * {@code --help}, instead of picocli's default of printing the whole usage text after the error.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        StringBuilder line = new StringBuilder("error: ").append(ErrorHandler.oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append(" (did you mean ").append(String.join(" or ", suggestions.subList(0,
                        Math.min(3, suggestions.size())))).append("?)");
            }
        }
        line.append("; see '").append(cl.getCommandSpec().qualifiedName()).append(" --help'");
        err.println(line);
        err.flush();
        return ExitCodes.USAGE;
    }
}
