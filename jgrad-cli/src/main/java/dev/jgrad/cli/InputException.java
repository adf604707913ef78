package dev.jgrad.cli;

/**
 * A problem with what the user gave us (a file, an option value, a model that does not fit the data). Reported as
 * one line on stderr with exit code {@link ExitCodes#USAGE}; the message must say what was expected.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
