package dev.jgrad.interop;

import java.io.IOException;

/** A safetensors file that breaks the format: the message names the file (or source), the byte offset and the rule. */
public class SafetensorsException extends IOException {

    private static final long serialVersionUID = 1L;

    public SafetensorsException(String source, String problem) {
        super("safetensors " + source + ": " + problem);
    }

    public SafetensorsException(String source, String problem, Throwable cause) {
        super("safetensors " + source + ": " + problem, cause);
    }
}
