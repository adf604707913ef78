package dev.jgrad.cli;

/**
 * The command ran and the outcome is a failure (gradient check failed, training diverged): its message is the
 * one line printed on stderr, exit code {@link ExitCodes#FAILURE}.
 */
public class CommandFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommandFailedException(String message) {
        super(message);
    }
}
