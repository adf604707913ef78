package dev.jgrad.playground.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.playground.engine.EngineFactory;
import dev.jgrad.playground.state.PlaygroundState;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** All live sessions; a sweeper frees those idle longer than the timeout (no request and no open stream). */
public final class SessionRegistry implements AutoCloseable {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final EngineFactory factory;
    private final ObjectMapper mapper;
    private final Duration idleTimeout;
    private final int maxSessions;
    private final Duration evictAfter;
    private final SecureRandom ids = new SecureRandom();
    private final ScheduledExecutorService sweeper;
    private final EngineThreads engineThreads = EngineThreads.forThisMachine();

    public SessionRegistry(EngineFactory factory, ObjectMapper mapper, Duration idleTimeout, int maxSessions) {
        this(factory, mapper, idleTimeout, maxSessions, Duration.ofMinutes(1));
    }

    /** @param evictAfter at the limit, a session idle this long is freed to make room (see {@link #create}) */
    public SessionRegistry(EngineFactory factory, ObjectMapper mapper, Duration idleTimeout, int maxSessions,
                           Duration evictAfter) {
        this.evictAfter = evictAfter;
        this.factory = factory;
        this.mapper = mapper;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "playground-sweeper");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(30_000, idleTimeout.toMillis() / 4));
        sweeper.scheduleAtFixedRate(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * A new session. At the limit, expired sessions are swept and then the one idle longest is freed if it has been
     * idle for {@code evictAfter}: a forgotten tab gives way, a burst of fresh sessions gets 429.
     *
     * @throws TooManySessionsException when every session is in use
     */
    public synchronized Session create(PlaygroundState state) {
        if (sessions.size() >= maxSessions) {
            sweep();
            if (sessions.size() >= maxSessions) evictIdlest();
            if (sessions.size() >= maxSessions)
                throw new TooManySessionsException("too many sessions in use (" + maxSessions + "); close other tabs "
                        + "or try again in " + Math.max(1, evictAfter.toSeconds()) + " s");
        }
        byte[] b = new byte[16];
        ids.nextBytes(b);
        Session s = new Session(HexFormat.of().formatHex(b), state, factory, mapper, engineThreads);
        sessions.put(s.id(), s);
        return s;
    }

    /** @throws NoSuchElementException for unknown or expired ids */
    public Session get(String id) {
        Session s = sessions.get(id);
        if (s == null) throw new NoSuchElementException("session '" + id + "' not found (expired after "
                + idleTimeout.toSeconds() + " s idle, or never existed); reload the page");
        s.touch();
        return s;
    }

    public boolean remove(String id) {
        Session s = sessions.remove(id);
        if (s != null) s.close();
        return s != null;
    }

    /** The threads every engine of this server runs on (the digit pad's too). */
    public EngineThreads engineThreads() {
        return engineThreads;
    }

    public int size() {
        return sessions.size();
    }

    private void evictIdlest() {
        Session idlest = null;
        for (Session s : sessions.values())
            if (idlest == null || s.idleNanos() > idlest.idleNanos()) idlest = s;
        if (idlest != null && idlest.idleNanos() >= evictAfter.toNanos()) remove(idlest.id());
    }

    /** Frees sessions idle longer than the timeout. */
    public void sweep() {
        long limit = idleTimeout.toNanos();
        sessions.values().removeIf(s -> {
            boolean idle = s.idleNanos() > limit;
            if (idle) s.close();
            return idle;
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        sessions.values().forEach(Session::close);
        sessions.clear();
        engineThreads.close();
    }

    /** The server is at its session limit. */
    public static final class TooManySessionsException extends RuntimeException {
        TooManySessionsException(String msg) {
            super(msg);
        }
    }
}
