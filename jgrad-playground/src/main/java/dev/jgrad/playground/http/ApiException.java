package dev.jgrad.playground.http;

/** A request the API rejects, with the HTTP status and a message for the page. */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
