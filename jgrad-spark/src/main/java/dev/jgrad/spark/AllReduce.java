package dev.jgrad.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A sum of one float vector per worker, over the workers' own TCP connections (a full mesh), in a FIXED order:
 * element {@code i} of the result is {@code 0 + v_0[i] + v_1[i] + ... + v_{S-1}[i]} in float32 on every worker,
 * exactly what the single-machine reference adds. The vector is cut into S chunks; worker {@code j} receives chunk
 * {@code j} from everyone and adds them in worker order (reduce-scatter), then sends its sum to everyone
 * (all-gather). Each worker sends and receives {@code 2 (S-1)/S} of the vector per call, as a ring all-reduce does,
 * but in 2 rounds of S-1 messages instead of 2 (S-1) dependent ones, and a ring's rotating summation order would
 * not be reproducible.
 */
final class AllReduce implements Closeable {

    private final int rank;
    private final int size;
    private final Socket[] peers;
    private final DataInputStream[] in;
    private final DataOutputStream[] out;
    private final ExecutorService senders;
    private byte[][] sendBuffers;
    private byte[] receiveBuffer = new byte[0];

    private AllReduce(int rank, int size, Socket[] peers) throws IOException {
        this.rank = rank;
        this.size = size;
        this.peers = peers;
        this.in = new DataInputStream[size];
        this.out = new DataOutputStream[size];
        for (int j = 0; j < size; j++) {
            if (j != rank) {
                in[j] = new DataInputStream(new BufferedInputStream(peers[j].getInputStream(), 1 << 16));
                out[j] = new DataOutputStream(new BufferedOutputStream(peers[j].getOutputStream(), 1 << 16));
            }
        }
        this.senders = Executors.newFixedThreadPool(Math.max(1, size - 1), r -> {
            Thread t = new Thread(r, "jgrad-allreduce-send");
            t.setDaemon(true);
            return t;
        });
        this.sendBuffers = new byte[size][0];
    }

    /**
     * Connects worker {@code rank} of {@code size} to all others: it listens on an ephemeral port, {@code exchange}
     * hands every worker's {@code host:port} to all (Spark's barrier allGather), lower ranks are dialled and higher
     * ranks accepted; each connection starts with the dialler's rank.
     */
    static AllReduce connect(int rank, int size, String host, Function<String, String[]> exchange, int timeoutMillis)
            throws IOException {
        Socket[] peers = new Socket[size];
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(0), size);
            server.setSoTimeout(timeoutMillis);
            String[] addresses = exchange.apply(host + ":" + server.getLocalPort());
            for (int j = 0; j < rank; j++) {
                String a = addresses[j];
                int colon = a.lastIndexOf(':');
                Socket s = new Socket();
                s.connect(new InetSocketAddress(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1))), timeoutMillis);
                setUp(s, timeoutMillis);
                new DataOutputStream(s.getOutputStream()).writeInt(rank);
                peers[j] = s;
            }
            for (int accepted = rank + 1; accepted < size; accepted++) {
                Socket s = server.accept();
                setUp(s, timeoutMillis);
                int from = new DataInputStream(s.getInputStream()).readInt();
                if (from <= rank || from >= size || peers[from] != null) {
                    s.close();
                    throw new IOException("all-reduce: unexpected connection from worker " + from + " at worker " + rank);
                }
                peers[from] = s;
            }
            return new AllReduce(rank, size, peers);
        } catch (IOException | RuntimeException e) {
            for (Socket s : peers) {
                if (s != null) {
                    s.close();
                }
            }
            throw e;
        }
    }

    private static void setUp(Socket s, int timeoutMillis) throws IOException {
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
    }

    private int chunkStart(int length, int c) {
        return (int) ((long) c * length / size);
    }

    /** The fixed-order sum of every worker's {@code mine} (all of the same length), on every worker. */
    float[] sum(float[] mine) throws IOException {
        int length = mine.length;
        float[] result = new float[length];
        int from = chunkStart(length, rank);
        int to = chunkStart(length, rank + 1);
        // Reduce-scatter: my chunk of everyone's vector, added in worker order.
        List<Future<?>> sends = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            if (j != rank) {
                sends.add(send(j, mine, chunkStart(length, j), chunkStart(length, j + 1)));
            }
        }
        float[][] received = new float[size][];
        for (int j = 0; j < size; j++) {
            if (j != rank) {
                received[j] = receive(j, to - from);
            }
        }
        await(sends);
        for (int j = 0; j < size; j++) {
            float[] v = j == rank ? null : received[j];
            int offset = j == rank ? from : 0;
            float[] src = j == rank ? mine : v;
            for (int i = 0; i < to - from; i++) {
                result[from + i] += src[offset + i];
            }
        }
        // All-gather: my summed chunk to everyone, theirs into place.
        sends.clear();
        for (int j = 0; j < size; j++) {
            if (j != rank) {
                sends.add(send(j, result, from, to));
            }
        }
        for (int j = 0; j < size; j++) {
            if (j != rank) {
                int f = chunkStart(length, j);
                float[] v = receive(j, chunkStart(length, j + 1) - f);
                System.arraycopy(v, 0, result, f, v.length);
            }
        }
        await(sends);
        return result;
    }

    private Future<?> send(int peer, float[] values, int from, int to) {
        int n = to - from;
        if (sendBuffers[peer].length < 4 * n) {
            sendBuffers[peer] = new byte[4 * n];
        }
        byte[] bytes = sendBuffers[peer];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values, from, n);
        return senders.submit(() -> {
            out[peer].write(bytes, 0, 4 * n);
            out[peer].flush();
            return null;
        });
    }

    private float[] receive(int peer, int n) throws IOException {
        if (receiveBuffer.length < 4 * n) {
            receiveBuffer = new byte[4 * n];
        }
        in[peer].readFully(receiveBuffer, 0, 4 * n);
        float[] v = new float[n];
        ByteBuffer.wrap(receiveBuffer, 0, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    private static void await(List<Future<?>> sends) throws IOException {
        for (Future<?> f : sends) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("all-reduce interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            }
        }
    }

    @Override
    public void close() throws IOException {
        senders.shutdownNow();
        for (Socket s : peers) {
            if (s != null) {
                s.close();
            }
        }
    }
}
