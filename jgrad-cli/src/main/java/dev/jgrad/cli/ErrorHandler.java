package dev.jgrad.cli;

import dev.jgrad.data.DataFormatException;
import dev.jgrad.io.FileSaveException;
import dev.jgrad.io.ModelFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * Turns an exception from a command into one line on stderr and an exit code: bad input (malformed or missing
 * files, model files, option values that do not fit the data) is {@link ExitCodes#USAGE}, anything else
 * {@link ExitCodes#FAILURE}. The messages of the data and io modules already name the file and the line or
 * offset, so they are printed as they are. The stack trace only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable e = ex instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : ex;
        int code = isInputError(e) ? ExitCodes.USAGE : ExitCodes.FAILURE;
        err.println("error: " + oneLine(describe(e)));
        if (Main.isVerbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static boolean isInputError(Throwable e) {
        return e instanceof InputException || e instanceof DataFormatException || e instanceof ModelFileException
                || e instanceof IOException;
    }

    /** What went wrong in words, for exceptions whose message alone does not say it. */
    static String describe(Throwable e) {
        if (e instanceof FileSaveException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file" + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
        }
        if (e instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (e instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? e.getClass().getSimpleName() : f.getReason());
        }
        if (e instanceof CharacterCodingException) {
            return "the input is not UTF-8 text (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof InputException || e instanceof CommandFailedException || e instanceof DataFormatException
                || e instanceof ModelFileException) {
            return e.getMessage();
        }
        String m = e.getMessage();
        if (e instanceof IllegalArgumentException && m != null && !m.isBlank()) {
            return m; // a value the library refused: its message says which and why; the class name adds nothing
        }
        return m == null || m.isBlank() ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + m;
    }

    /** Messages are meant to be one line; make sure a multi-line one still is. */
    static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
