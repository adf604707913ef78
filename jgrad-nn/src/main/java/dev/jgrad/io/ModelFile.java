package dev.jgrad.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Saves and loads models as one self-describing, versioned binary file ({@code .jgrad}). Layout, all integers
 * little-endian:
 * <pre>
 *   offset  size      content
 *   0       5         magic bytes "JGRAD"
 *   5       4         format version (int32), currently 1
 *   9       4         header length H (int32)
 *   13      H         header: UTF-8 JSON {"architecture": ..., "parameters": [{"name", "shape"}...], "metadata": ...}
 *   13+H    4         weight count N (int32)
 *   17+H    4N        the weights as float32, parameter by parameter in the header's order
 *   17+H+4N 4         CRC32 of every byte before it
 * </pre>
 * Saving is atomic: the bytes go to a temporary file in the same directory, which is fsynced and then moved over
 * the target, so a crash never leaves a half-written model behind. Loading checks, in order, the magic bytes,
 * the version, the lengths (truncation), the checksum, then the header (the weights its architecture needs are
 * counted before any layer is allocated), then that every weight is finite, and fails with a
 * {@link ModelFileException} naming the file and the problem.
 */
public final class ModelFile {

    /** The format version this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = "JGRAD".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = MAGIC.length + 4 + 4;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /**
     * Writes {@code model}'s architecture and weights, plus {@code metadata} (JSON-able values: strings, numbers,
     * booleans, lists, maps; may be empty), to {@code file}, atomically replacing any existing file.
     */
    public static void save(Module model, Map<String, Object> metadata, Path file) throws IOException {
        byte[] bytes = encode(model, metadata == null ? Map.of() : metadata, file);
        AtomicFiles.write(file, bytes);
    }

    private static byte[] encode(Module model, Map<String, Object> metadata, Path file) throws ModelFileException {
        Map<String, Object> header = new LinkedHashMap<>();
        try {
            header.put("architecture", Architecture.describe(model));
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, e.getMessage(), e);
        }
        List<Map<String, Object>> params = new ArrayList<>();
        long count = 0;
        for (Map.Entry<String, Parameter> e : model.namedParameters().entrySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", e.getKey());
            p.put("shape", e.getValue().shape());
            params.add(p);
            count += e.getValue().numel();
        }
        header.put("parameters", params);
        header.put("metadata", metadata);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (count > (Integer.MAX_VALUE - PREFIX - json.length - 8) / 4) {
            throw new ModelFileException(file, "model too large for format version 1 (" + count + " weights)");
        }
        ByteBuffer buf = ByteBuffer.allocate(PREFIX + json.length + 4 + 4 * (int) count + 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(json.length).put(json).putInt((int) count);
        for (Parameter p : model.parameters()) {
            buf.asFloatBuffer().put(p.data());
            buf.position(buf.position() + 4 * p.numel());
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    /** Reads a model file written by {@link #save}; the model comes back in evaluation mode. */
    public static SavedModel load(Path file) throws IOException {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file) && Files.exists(file)) {
                throw new ModelFileException(file, "not a regular file");
            }
            // The format's lengths are int32, so no valid model file is larger than this; refuse before reading.
            long size = Files.size(file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new ModelFileException(file, "not a jgrad model file (" + size + " bytes, more than the format allows)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelFileException(file, "no such file", e);
        } catch (ModelFileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            throw new ModelFileException(file, "permission denied", e);
        } catch (IOException e) {
            throw new ModelFileException(file, "cannot be read (" + (e instanceof FileSystemException f
                    && f.getReason() != null ? f.getReason() : e.getMessage()) + ")", e);
        }
        return read(bytes, file);
    }

    /**
     * Reads a model from the bytes of a model file (an upload, say); {@code name} is what messages call it. Every
     * length in the file is checked against the bytes there are before anything is allocated for it, and every
     * weight must be finite. Any problem is a {@link ModelFileException}.
     */
    public static SavedModel read(byte[] bytes, Path name) throws ModelFileException {
        Path file = name;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int n = bytes.length;
        int magicSeen = Math.min(n, MAGIC.length);
        if (!Arrays.equals(bytes, 0, magicSeen, MAGIC, 0, magicSeen) || n == 0) {
            throw new ModelFileException(file, "not a jgrad model file (it does not start with the magic bytes \"JGRAD\")");
        }
        if (n < PREFIX) {
            throw new ModelFileException(file, "truncated: " + n + " bytes, too short for the " + PREFIX + "-byte preamble");
        }
        int version = buf.getInt(MAGIC.length);
        if (version > FORMAT_VERSION) {
            throw new ModelFileException(file, "format version " + version + " is newer than this jgrad can read (up to "
                    + FORMAT_VERSION + "); upgrade jgrad to load it");
        }
        if (version < 1) {
            throw new ModelFileException(file, "corrupt: invalid format version " + version);
        }
        int headerLength = buf.getInt(MAGIC.length + 4);
        if (headerLength < 0) {
            throw new ModelFileException(file, "corrupt: negative header length " + headerLength);
        }
        long countAt = (long) PREFIX + headerLength;
        if (countAt + 4 > n) {
            throw new ModelFileException(file, "truncated: the header claims " + headerLength + " bytes but the file has only "
                    + n + " bytes in all");
        }
        int count = buf.getInt((int) countAt);
        long expected = countAt + 4 + 4L * count + 4;
        if (count < 0) {
            throw new ModelFileException(file, "corrupt: negative weight count " + count);
        }
        if (n < expected) {
            throw new ModelFileException(file, "truncated: expected " + expected + " bytes (" + count
                    + " weights and a checksum) but the file has only " + n);
        }
        if (n > expected) {
            throw new ModelFileException(file, "corrupt: " + (n - expected) + " unexpected bytes after the checksum at offset " + expected);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, n - 4);
        int stored = buf.getInt(n - 4);
        if (stored != (int) crc.getValue()) {
            throw new ModelFileException(file, String.format("corrupt: checksum mismatch (stored %08x, computed %08x);"
                    + " the file was damaged after it was written", stored, (int) crc.getValue()));
        }
        try {
            return decode(file, bytes, headerLength, count, buf);
        } catch (ModelFileException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A header that passed every check above and still breaks the rebuild: hostile or damaged, not a bug
            // worth a stack trace for the user (the cause is kept for --verbose).
            throw new ModelFileException(file, "corrupt: the header does not describe a model jgrad can build ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static SavedModel decode(Path file, byte[] bytes, int headerLength, int count, ByteBuffer buf)
            throws ModelFileException {
        Map<String, Object> header;
        try {
            header = JSON.readValue(new String(bytes, PREFIX, headerLength, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new ModelFileException(file, "corrupt: the header is not valid JSON", e);
        }
        Module model;
        try {
            long needed = Architecture.weightCount(header.get("architecture"), "architecture");
            if (needed != count) {
                throw new ModelFileException(file, "corrupt: the architecture needs " + needed
                        + " weights but the file holds " + count);
            }
            model = Architecture.build(header.get("architecture"), "architecture");
        } catch (ArithmeticException e) {
            throw new ModelFileException(file, "corrupt: the architecture's layer sizes overflow", e);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(file, "cannot rebuild the model: " + e.getMessage(), e);
        }
        Map<String, Parameter> params = model.namedParameters();
        Object listed = header.get("parameters");
        if (!(listed instanceof List<?> entries) || entries.size() != params.size()) {
            throw new ModelFileException(file, "corrupt: the header lists " + (listed instanceof List<?> l ? l.size() : "no")
                    + " parameters but the architecture has " + params.size());
        }
        int at = PREFIX + headerLength + 4;
        int total = 0;
        int i = 0;
        for (Map.Entry<String, Parameter> e : params.entrySet()) {
            if (!(entries.get(i++) instanceof Map<?, ?> entry)) {
                throw new ModelFileException(file, "corrupt: parameter entry " + (i - 1) + " is not a JSON object");
            }
            Parameter p = e.getValue();
            if (!e.getKey().equals(entry.get("name")) || !sameShape(entry.get("shape"), p.shape())) {
                throw new ModelFileException(file, "corrupt: parameter " + entry.get("name") + " " + entry.get("shape")
                        + " does not match the architecture's " + e.getKey() + " " + Arrays.toString(p.shape()));
            }
            total += p.numel();
            if (total > count) {
                break;
            }
            ByteBuffer slice = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            slice.position(at);
            slice.asFloatBuffer().get(p.data());
            checkFinite(file, e.getKey(), p.data());
            at += 4 * p.numel();
        }
        if (total != count) {
            throw new ModelFileException(file, "corrupt: the architecture needs " + total + " weights but the file holds " + count);
        }
        Object meta = header.get("metadata");
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = meta instanceof Map<?, ?> ? (Map<String, Object>) meta : Map.of();
        model.eval();
        return new SavedModel(model, metadata);
    }

    private static void checkFinite(Path file, String name, float[] values) throws ModelFileException {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ModelFileException(file, "parameter " + name + " holds " + values[i] + " at index " + i
                        + "; a model with NaN or infinite weights is not usable (was it saved after training diverged?)");
            }
        }
    }

    private static boolean sameShape(Object listed, int[] shape) {
        if (!(listed instanceof List<?> dims) || dims.size() != shape.length) {
            return false;
        }
        for (int d = 0; d < shape.length; d++) {
            if (!(dims.get(d) instanceof Integer v) || v != shape[d]) {
                return false;
            }
        }
        return true;
    }
}
