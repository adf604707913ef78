package dev.jgrad.playground.session;

/**
 * The latest serialized frame of a session plus a version, so each stream can wait for "something newer than what I
 * sent" without a queue per listener (slow listeners just skip frames).
 */
final class FrameBox {
    private String json;
    private long version;

    synchronized void publish(String frameJson) {
        json = frameJson;
        version++;
        notifyAll();
    }

    synchronized long version() {
        return version;
    }

    synchronized String latest() {
        return json;
    }

    /** Waits up to {@code timeoutMillis} for a version above {@code seen}; returns it, or null on timeout. */
    synchronized Versioned awaitNewer(long seen, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (version <= seen) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) return null;
            wait(left);
        }
        return new Versioned(version, json);
    }

    record Versioned(long version, String json) {}
}
