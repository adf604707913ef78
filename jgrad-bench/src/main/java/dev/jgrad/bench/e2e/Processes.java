package dev.jgrad.bench.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a child process (the jgrad worker JVM or the Python peer), relays its stderr progress lines to the
 * report stream as they come, and returns the JSON object on the last stdout line that starts with the given
 * prefix.
 */
final class Processes {

    private Processes() {
    }

    /** The child's failure, with the tail of what it printed. */
    static final class ChildFailedException extends Exception {
        ChildFailedException(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> runForJson(List<String> command, Map<String, String> envChanges, List<String> envRemoved,
                                          String prefix, PrintStream log) throws ChildFailedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(envChanges);
        envRemoved.forEach(pb.environment()::remove);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new ChildFailedException("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        List<String> errTail = new ArrayList<>();
        Thread relay = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (errTail) {
                        errTail.add(line);
                        if (errTail.size() > 20) {
                            errTail.remove(0);
                        }
                    }
                    if (line.startsWith("  ")) { // progress lines; JVM/logging chatter stays in the tail
                        log.println(line);
                        log.flush();
                    }
                }
            } catch (IOException ignored) {
                // the child went away; its exit code tells the story
            }
        }, "bench-stderr-relay");
        relay.setDaemon(true);
        relay.start();
        String result = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    result = line.substring(prefix.length());
                }
            }
            int code = p.waitFor();
            relay.join(2000);
            if (code != 0 || result == null) {
                String tail;
                synchronized (errTail) {
                    tail = String.join("\n    ", errTail);
                }
                throw new ChildFailedException(command.get(0) + " exited with " + code
                        + (result == null ? " without a result" : "") + (tail.isEmpty() ? "" : ":\n    " + tail));
            }
        } catch (IOException e) {
            throw new ChildFailedException("reading from " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            p.destroy();
            Thread.currentThread().interrupt();
            throw new ChildFailedException("interrupted");
        }
        return (Map<String, Object>) Json.parse(result);
    }
}
