package dev.jgrad.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Builds model files byte by byte, with a valid checksum, so a test reaches the checks behind it. */
final class ModelBytes {

    private ModelBytes() {
    }

    /** Magic, version 1, {@code header} as the JSON, {@code count} as the weight count and {@code weights} after it. */
    static byte[] of(String header, int count, float... weights) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(5 + 4 + 4 + json.length + 4 + 4 * weights.length + 4)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put("JGRAD".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(json.length).put(json).putInt(count);
        for (float w : weights) {
            b.putFloat(w);
        }
        return withChecksum(b.array());
    }

    /** The same bytes with the last four replaced by the CRC32 of the rest. */
    static byte[] withChecksum(byte[] bytes) {
        if (bytes.length < 4) {
            return bytes;
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length - 4, (int) crc.getValue());
        return bytes;
    }
}
