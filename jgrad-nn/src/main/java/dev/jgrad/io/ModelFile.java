package dev.jgrad.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.optim.OptimizerState;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
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
 *   5       4         format version (int32): 2 (this build writes it and reads 1 and 2)
 *   9       4         header length H (int32)
 *   13      H         header: UTF-8 JSON (below)
 *   13+H    4         float count N (int32)
 *   17+H    4N        float32 values: the weights, parameter by parameter in the header's order, then (format 2)
 *                     the optimizer state's buffers, buffer by buffer, array by array, in the header's order
 *   17+H+4N 4         CRC32 of every byte before it
 * </pre>
 * The header of format 2 is {@code {"architecture": ..., "parameters": [{"name", "shape"}...], "card": {...},
 * "metadata": {...}, "training_state": {...}}}: the architecture from the {@link LayerRegistry}, the
 * {@link ModelCard}, free-form metadata and, for a model saved during training, the {@link TrainingState}. Format 1
 * had only the architecture, the parameters and the metadata; its metadata is read into a card. The full
 * description is {@code docs/model-format.md}.
 *
 * <p>Saving is atomic (temporary file, fsync, rename: {@link AtomicFiles}). Loading checks, in order, the magic
 * bytes, the version, the lengths against the file's size (truncation), the checksum, the header: every size it
 * declares is added up and compared with the float count before anything is allocated for it, and the weights an
 * architecture needs are counted before any layer is built. Every weight must be finite. Any problem is a
 * {@link ModelFileException} naming the file and the problem.
 */
public final class ModelFile {

    /** The format version this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 2;

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
        save(model, new ModelCard(), metadata, null, file);
    }

    /** Writes {@code model} with its card. */
    public static void save(Module model, ModelCard card, Path file) throws IOException {
        save(model, card, Map.of(), null, file);
    }

    /** Writes {@code model} with its card and the state training resumes from ({@code training} may be null). */
    public static void save(Module model, ModelCard card, TrainingState training, Path file) throws IOException {
        save(model, card, Map.of(), training, file);
    }

    /** The general form: a card, free-form metadata and the training state (each may be empty or null). */
    public static void save(Module model, ModelCard card, Map<String, Object> metadata, TrainingState training, Path file)
            throws IOException {
        byte[] bytes = encode(model, card == null ? new ModelCard() : card, metadata == null ? Map.of() : metadata,
                training, file);
        AtomicFiles.write(file, bytes);
    }

    private static byte[] encode(Module model, ModelCard card, Map<String, Object> metadata, TrainingState training,
                                 Path file) throws ModelFileException {
        Map<String, Object> header = new LinkedHashMap<>();
        try {
            header.put("architecture", LayerRegistry.describe(model));
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
        header.put("card", card.toMap());
        header.put("metadata", metadata);
        OptimizerState opt = training == null ? null : training.optimizer();
        if (training != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("epoch", training.epoch());
            t.put("seed", training.seed());
            t.put("exact", training.exact());
            if (opt != null) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("type", opt.type());
                o.put("steps", opt.steps());
                o.put("lr", opt.lr());
                List<Map<String, Object>> buffers = new ArrayList<>();
                for (Map.Entry<String, float[][]> b : opt.buffers().entrySet()) {
                    buffers.add(Map.of("name", b.getKey(), "sizes", Arrays.stream(b.getValue()).map(a -> a.length).toList()));
                }
                o.put("buffers", buffers);
                t.put("optimizer", o);
                count += opt.floatCount();
            }
            header.put("training_state", t);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "the card or metadata cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        if (count > (Integer.MAX_VALUE - PREFIX - json.length - 8) / 4) {
            throw new ModelFileException(file, "model too large for format version " + FORMAT_VERSION + " (" + count + " values)");
        }
        ByteBuffer buf = ByteBuffer.allocate(PREFIX + json.length + 4 + 4 * (int) count + 4).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putInt(json.length).put(json).putInt((int) count);
        for (Parameter p : model.parameters()) {
            put(buf, p.data());
        }
        if (opt != null) {
            for (float[][] arrays : opt.buffers().values()) {
                for (float[] a : arrays) {
                    put(buf, a);
                }
            }
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putInt((int) crc.getValue());
        return buf.array();
    }

    private static void put(ByteBuffer buf, float[] values) {
        buf.asFloatBuffer().put(values);
        buf.position(buf.position() + 4 * values.length);
    }

    /** Reads a model file written by {@link #save} (format 1 or 2); the model comes back in evaluation mode. */
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
        Map<String, Object> header;
        try {
            header = JSON.readValue(new String(bytes, PREFIX, headerLength, StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new ModelFileException(file, "corrupt: the header is not valid JSON", e);
        }
        try {
            return new Decoder(file, version, header, buf, PREFIX + headerLength + 4, count).decode();
        } catch (ModelFileException e) {
            throw e;
        } catch (ArithmeticException e) {
            throw new ModelFileException(file, "corrupt: the header's sizes overflow", e);
        } catch (RuntimeException | StackOverflowError e) {
            // A header that passed every check above and still breaks the rebuild: hostile or damaged; the message
            // says so in one line (the cause is kept for --verbose).
            throw new ModelFileException(file, "corrupt: the header does not describe a model jgrad can build ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Turns a checked header and the float section into a {@link SavedModel}. */
    private static final class Decoder {
        private final Path file;
        private final int version;
        private final Map<String, Object> header;
        private final ByteBuffer buf;
        private final int count;
        private int at;

        Decoder(Path file, int version, Map<String, Object> header, ByteBuffer buf, int floatsAt, int count) {
            this.file = file;
            this.version = version;
            this.header = header;
            this.buf = buf;
            this.at = floatsAt;
            this.count = count;
        }

        SavedModel decode() throws ModelFileException {
            // 1. Sizes: what the header lists must add up to the float count, before anything is allocated.
            List<Map<?, ?>> listed = parameterEntries();
            long weights = 0;
            for (Map<?, ?> entry : listed) {
                weights = Math.addExact(weights, numel(entry.get("shape"), "parameter " + entry.get("name")));
            }
            Map<?, ?> trainingJson = version >= 2 && header.get("training_state") != null
                    ? object(header.get("training_state"), "training_state") : null;
            Map<?, ?> optimizerJson = trainingJson == null || trainingJson.get("optimizer") == null ? null
                    : object(trainingJson.get("optimizer"), "training_state.optimizer");
            List<int[]> bufferSizes = new ArrayList<>();
            List<String> bufferNames = new ArrayList<>();
            long stateValues = 0;
            if (optimizerJson != null) {
                if (!(optimizerJson.get("buffers") instanceof List<?> buffers)) {
                    throw corrupt("training_state.optimizer has no \"buffers\" list");
                }
                for (Object b : buffers) {
                    Map<?, ?> bm = object(b, "training_state.optimizer.buffers[" + bufferNames.size() + "]");
                    if (!(bm.get("name") instanceof String bn) || !(bm.get("sizes") instanceof List<?> sizes)) {
                        throw corrupt("optimizer buffer " + bufferNames.size() + " needs a \"name\" and a \"sizes\" list");
                    }
                    int[] s = new int[sizes.size()];
                    for (int i = 0; i < s.length; i++) {
                        if (!(sizes.get(i) instanceof Integer v) || v < 0) {
                            throw corrupt("optimizer buffer " + bn + ": sizes must be integers >= 0, got " + sizes.get(i));
                        }
                        s[i] = v;
                        stateValues = Math.addExact(stateValues, v);
                    }
                    bufferNames.add(bn);
                    bufferSizes.add(s);
                }
            }
            if (weights + stateValues != count) {
                throw corrupt("the header lists " + weights + " weights" + (optimizerJson == null ? ""
                        : " and " + stateValues + " optimizer-state values") + " but the file holds " + count);
            }
            Object architecture = header.get("architecture");
            long needed;
            try {
                needed = LayerRegistry.weightCount(architecture, "architecture");
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, "cannot rebuild the model: " + e.getMessage(), e);
            }
            if (needed != LayerType.UNKNOWN && needed != weights) {
                throw corrupt("the architecture needs " + needed + " weights but the file holds " + weights);
            }

            // 2. The model, its weights.
            Module model;
            try {
                model = LayerRegistry.build(architecture, "architecture");
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, "cannot rebuild the model: " + e.getMessage(), e);
            }
            Map<String, Parameter> params = model.namedParameters();
            if (listed.size() != params.size()) {
                throw corrupt("the header lists " + listed.size() + " parameters but the architecture has " + params.size());
            }
            int i = 0;
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                Map<?, ?> entry = listed.get(i++);
                Parameter p = e.getValue();
                if (!e.getKey().equals(entry.get("name")) || !sameShape(entry.get("shape"), p.shape())) {
                    throw corrupt("parameter " + entry.get("name") + " " + entry.get("shape")
                            + " does not match the architecture's " + e.getKey() + " " + Arrays.toString(p.shape()));
                }
                read(p.data());
                checkFinite(e.getKey(), p.data());
            }

            // 3. The card, the metadata, the training state.
            Object meta = header.get("metadata");
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = meta instanceof Map<?, ?> ? (Map<String, Object>) meta : Map.of();
            ModelCard card;
            try {
                card = version == 1 ? LegacyMetadata.toCard(metadata)
                        : header.get("card") == null ? new ModelCard() : ModelCard.of(object(header.get("card"), "card"));
            } catch (IllegalArgumentException e) {
                throw corrupt(e.getMessage());
            }
            TrainingState training = null;
            if (trainingJson != null) {
                OptimizerState opt = null;
                if (optimizerJson != null) {
                    Map<String, float[][]> buffers = new LinkedHashMap<>();
                    for (int b = 0; b < bufferNames.size(); b++) {
                        int[] sizes = bufferSizes.get(b);
                        float[][] arrays = new float[sizes.length][];
                        for (int k = 0; k < sizes.length; k++) {
                            arrays[k] = new float[sizes[k]];
                            read(arrays[k]);
                        }
                        buffers.put(bufferNames.get(b), arrays);
                    }
                    opt = new OptimizerState(string(optimizerJson, "type", "training_state.optimizer"),
                            integer(optimizerJson.get("steps"), "training_state.optimizer.steps"),
                            positiveNumber(optimizerJson.get("lr"), "training_state.optimizer.lr"), buffers);
                }
                long epoch = integer(trainingJson.get("epoch"), "training_state.epoch");
                if (epoch > Integer.MAX_VALUE) {
                    throw corrupt("training_state.epoch " + epoch + " is out of range");
                }
                training = new TrainingState((int) epoch, integer(trainingJson.get("seed"), "training_state.seed"),
                        opt, !Boolean.FALSE.equals(trainingJson.get("exact")));
            }
            model.eval();
            return new SavedModel(model, metadata, card, training, version);
        }

        private List<Map<?, ?>> parameterEntries() throws ModelFileException {
            if (!(header.get("parameters") instanceof List<?> entries)) {
                throw corrupt("the header has no \"parameters\" list");
            }
            List<Map<?, ?>> out = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                out.add(object(entries.get(i), "parameters[" + i + "]"));
            }
            return out;
        }

        private long numel(Object shape, String what) throws ModelFileException {
            if (!(shape instanceof List<?> dims)) {
                throw corrupt(what + " has no \"shape\" list");
            }
            long n = 1;
            for (Object d : dims) {
                if (!(d instanceof Integer v) || v < 0) {
                    throw corrupt(what + ": shape " + dims + " must hold integers >= 0");
                }
                n = Math.multiplyExact(n, v);
            }
            return n;
        }

        private void read(float[] into) {
            ByteBuffer slice = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            slice.position(at);
            slice.asFloatBuffer().get(into);
            at += 4 * into.length;
        }

        private void checkFinite(String name, float[] values) throws ModelFileException {
            for (int i = 0; i < values.length; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new ModelFileException(file, "parameter " + name + " holds " + values[i] + " at index " + i
                            + "; a model with NaN or infinite weights is not usable (was it saved after training diverged?)");
                }
            }
        }

        private Map<?, ?> object(Object v, String what) throws ModelFileException {
            if (!(v instanceof Map<?, ?> m)) {
                throw corrupt(what + " is not a JSON object");
            }
            return m;
        }

        private String string(Map<?, ?> m, String key, String what) throws ModelFileException {
            if (!(m.get(key) instanceof String s)) {
                throw corrupt(what + "." + key + " must be a string");
            }
            return s;
        }

        private long integer(Object v, String what) throws ModelFileException {
            if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 0) {
                throw corrupt(what + " must be an integer >= 0, got " + v);
            }
            return ((Number) v).longValue();
        }

        private double positiveNumber(Object v, String what) throws ModelFileException {
            if (!(v instanceof Number num) || !(num.doubleValue() > 0) || !Double.isFinite(num.doubleValue())) {
                throw corrupt(what + " must be a positive number, got " + v);
            }
            return num.doubleValue();
        }

        private ModelFileException corrupt(String problem) {
            return new ModelFileException(file, "corrupt: " + problem);
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
