package dev.jgrad.playground.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers for exchanges: bounded bodies, JSON and error replies. */
final class Http {
    private Http() {}

    /** Request bodies above this are refused with 413 before being read in full. */
    static final int MAX_BODY = 1 << 20;

    static byte[] body(HttpExchange ex, int limit) throws IOException {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (len != null) {
            try {
                if (Long.parseLong(len.strip()) > limit) throw tooLarge(ex, limit);
            } catch (NumberFormatException e) {
                throw new ApiException(400, "bad Content-Length '" + len + "'");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > limit) throw tooLarge(ex, limit);
            }
            return out.toByteArray();
        }
    }

    static JsonNode json(HttpExchange ex, ObjectMapper mapper) throws IOException {
        byte[] b = body(ex, MAX_BODY);
        if (b.length == 0) return mapper.createObjectNode();
        requireType(ex, "application/json");
        try {
            return mapper.readTree(b);
        } catch (IOException e) {
            throw new ApiException(400, "body is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /**
     * A body must say what it is: a form or a text/plain post (what another site can send without asking) is
     * refused with 415.
     */
    static void requireType(HttpExchange ex, String... accepted) {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        for (String a : accepted) if (a.equals(base)) return;
        throw new ApiException(415, "Content-Type must be " + String.join(" or ", accepted) + ", got "
                + (type == null ? "none" : "'" + (type.length() > 60 ? type.substring(0, 60) + "..." : type) + "'"));
    }

    static void sendJson(HttpExchange ex, int status, Object body, ObjectMapper mapper) throws IOException {
        send(ex, status, "application/json; charset=utf-8", mapper.writeValueAsBytes(body));
    }

    static void sendError(HttpExchange ex, int status, String message, ObjectMapper mapper) throws IOException {
        sendJson(ex, status, mapper.createObjectNode().put("error", message).put("status", status), mapper);
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (status == 204) {
            ex.sendResponseHeaders(204, -1);
        } else {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
        ex.close();
    }

    static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Above this much, an oversize body is not even read away: the connection is simply closed after the 413. */
    private static final long DISCARD_LIMIT = 16L << 20;

    /**
     * Reads (and drops) the rest of an oversize body so the client is still listening when the 413 arrives; closing
     * with unread input would reset the connection and lose the reply.
     */
    private static ApiException tooLarge(HttpExchange ex, int limit) {
        ex.getResponseHeaders().set("Connection", "close");
        try {
            InputStream in = ex.getRequestBody();
            byte[] sink = new byte[16384];
            long total = 0;
            int n;
            while (total < DISCARD_LIMIT && (n = in.read(sink)) > 0) total += n;
        } catch (IOException ignored) {
            // the client gave up; the reply below may not arrive either
        }
        return new ApiException(413, "request body larger than " + limit + " bytes");
    }
}
