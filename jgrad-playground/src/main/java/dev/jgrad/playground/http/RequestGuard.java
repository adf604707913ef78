package dev.jgrad.playground.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps other web sites out of the playground, which is meant for this machine's browser:
 * <ul>
 *   <li>the {@code Host} header must name the server: a loopback name ({@code localhost}, {@code 127.0.0.1},
 *       {@code [::1]}) or the {@code --host} it was started with (a wildcard {@code --host 0.0.0.0} accepts any),
 *       so a DNS-rebinding page whose name resolves to 127.0.0.1 gets 403;</li>
 *   <li>a write (any method but GET and HEAD) from a browser must come from the page itself: an {@code Origin}
 *       other than {@code http://<Host>}, or {@code Sec-Fetch-Site} other than same-origin, gets 403, so a page
 *       elsewhere cannot drive the API (CSRF). Clients that send neither (curl, scripts) are let through.</li>
 * </ul>
 */
public final class RequestGuard {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final String boundHost;
    private final boolean anyHost;
    private final ObjectMapper mapper;

    private RequestGuard(String boundHost, boolean anyHost, ObjectMapper mapper) {
        this.boundHost = boundHost;
        this.anyHost = anyHost;
        this.mapper = mapper;
    }

    /** The guard for a server bound to {@code host} (the {@code --host} value). */
    public static RequestGuard forHost(String host, ObjectMapper mapper) {
        String h = host.toLowerCase(Locale.ROOT).trim();
        boolean wildcard = false;
        try {
            wildcard = InetAddress.getByName(h).isAnyLocalAddress();
        } catch (UnknownHostException e) {
            // Not resolvable here; binding will say so. Only the name itself is accepted.
        }
        String named = h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
        return new RequestGuard(named, wildcard, mapper);
    }

    /** {@code handler}, answering 400/403 first to requests that fail the checks above. */
    public HttpHandler wrap(HttpHandler handler) {
        return ex -> {
            String refusal = refusal(ex);
            if (refusal != null) {
                ex.getResponseHeaders().set("Connection", "close");
                Http.sendError(ex, refusal.startsWith("missing") ? 400 : 403, refusal, mapper);
                return;
            }
            handler.handle(ex);
        };
    }

    /** Why the request is refused, or null. */
    String refusal(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            return "missing Host header";
        }
        String name = hostName(host);
        if (!anyHost && !LOOPBACK.contains(name) && !name.equals(boundHost)) {
            return "Host '" + shorten(host) + "' is not this playground's; it answers to localhost, 127.0.0.1 and [::1]"
                    + " (start it with --host NAME to use another name)";
        }
        String method = ex.getRequestMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            return null;
        }
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "cross-origin request refused (Sec-Fetch-Site: " + shorten(site) + "); use the playground's own page";
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origin.equalsIgnoreCase("http://" + host.trim())) {
            return "cross-origin request refused (Origin " + shorten(origin) + "); use the playground's own page";
        }
        return null;
    }

    /** {@code name:port} or {@code [v6]:port} to the lower-case name. */
    static String hostName(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.lastIndexOf(':');
        return colon >= 0 && h.indexOf(':') == colon ? h.substring(0, colon) : h;
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
