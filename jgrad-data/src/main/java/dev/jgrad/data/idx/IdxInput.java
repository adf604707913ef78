package dev.jgrad.data.idx;

import dev.jgrad.data.DataFormatException;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A byte stream over an IDX file, plain or gzip, that knows its position in the (decompressed) content and
 * turns every way the content can end or break into a {@link DataFormatException} with that position.
 */
final class IdxInput implements Closeable {

    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final String name;
    private final InputStream in;
    private final boolean gzip;
    private final long fileSize;
    private long offset;
    /** What the reader expects, for truncation messages, e.g. "expected 7856 bytes (16-byte header + ...)". */
    private String expectation = "the IDX header is incomplete";

    private IdxInput(Path file, String name, InputStream in, boolean gzip, long fileSize) {
        this.file = file;
        this.name = name;
        this.in = in;
        this.gzip = gzip;
        this.fileSize = fileSize;
    }

    /** Opens {@code file}, decompressing when it starts with the gzip magic 0x1f 0x8b, whatever its name. */
    static IdxInput open(Path file) throws IOException {
        return open(file, String.valueOf(file), Files.newInputStream(file), Files.size(file));
    }

    /**
     * A stream of {@code size} bytes named {@code name} in messages ({@code file} null when it is not a local file,
     * e.g. on a Hadoop file system).
     */
    static IdxInput open(Path file, String name, InputStream stream, long size) throws IOException {
        InputStream raw = new BufferedInputStream(stream, BUFFER);
        try {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                try {
                    return new IdxInput(file, name, new GZIPInputStream(raw, BUFFER), true, size);
                } catch (EOFException e) {
                    throw DataFormatException.atOffset(name, 0,
                            "the gzip header is cut short (truncated .gz file, " + size + " bytes)", e);
                } catch (ZipException e) {
                    throw DataFormatException.atOffset(name, 0, "corrupt gzip header: " + e.getMessage(), e);
                }
            }
            return new IdxInput(file, name, raw, false, size);
        } catch (RuntimeException | IOException e) {
            raw.close();
            throw e;
        }
    }

    /** The local file, or null for a stream from elsewhere. */
    Path file() {
        return file;
    }

    /** The name for messages: the local path or the URI. */
    String name() {
        return name;
    }

    boolean gzip() {
        return gzip;
    }

    /** Size of the file on disk (compressed size for a .gz). */
    long fileSize() {
        return fileSize;
    }

    long offset() {
        return offset;
    }

    void expect(String expectation) {
        this.expectation = expectation;
    }

    /** A big-endian 32-bit integer. */
    int readInt() throws IOException {
        byte[] b = new byte[4];
        readFully(b, 0, 4);
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    /** Exactly {@code len} bytes, or a DataFormatException at the offset where the data ran out. */
    void readFully(byte[] buf, int off, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int r = read(buf, off + done, len - done);
            if (r < 0) {
                throw DataFormatException.atOffset(name, offset,
                        (gzip ? "decompressed data ends here; " : "file ends here; ") + expectation);
            }
            done += r;
        }
    }

    /**
     * Skips {@code n} bytes of content, or fails at the offset where the data ran out. A plain file (its size checked
     * against the header already) is skipped by the stream itself, a seek on local and Hadoop files; gzip content is
     * decompressed through.
     */
    void skip(long n) throws IOException {
        long left = n;
        while (!gzip && left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                break; // read through the rest, which finds the end of the data if that is the reason
            }
            offset += skipped;
            left -= skipped;
        }
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, left))];
        while (left > 0) {
            int len = (int) Math.min(buf.length, left);
            readFully(buf, 0, len);
            left -= len;
        }
    }

    /** Reads one more byte to make sure nothing follows the promised data (and, for gzip, checks the trailer). */
    void requireEnd() throws IOException {
        byte[] one = new byte[1];
        int r = read(one, 0, 1);
        if (r > 0) {
            long extra = gzip ? -1 : fileSize - offset + 1;
            throw DataFormatException.atOffset(name, offset - 1, "unexpected data after the last item"
                    + (extra > 0 ? " (" + extra + " extra bytes)" : "") + "; " + expectation);
        }
    }

    private int read(byte[] buf, int off, int len) throws IOException {
        int r;
        try {
            r = in.read(buf, off, len);
        } catch (EOFException e) {
            // GZIPInputStream: "Unexpected end of ZLIB input stream" - the compressed file was cut off.
            throw DataFormatException.atOffset(name, offset, "the gzip stream is truncated: the " + fileSize
                    + "-byte .gz ends after " + offset + " decompressed bytes; " + expectation, e);
        } catch (ZipException e) {
            throw DataFormatException.atOffset(name, offset,
                    "corrupt gzip data (" + e.getMessage() + ") at decompressed byte offset " + offset, e);
        }
        if (r > 0) {
            offset += r;
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
