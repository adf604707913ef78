package dev.jgrad.interop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgrad.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the safetensors format (Hugging Face's, PyTorch's usual weight file) exactly as its
 * specification and reference implementation lay it out:
 * <pre>
 *   8 bytes   N, the header length, unsigned 64-bit little-endian
 *   N bytes   UTF-8 JSON: {"__metadata__": {string: string}, "name": {"dtype": "F32", "shape": [2, 3],
 *             "data_offsets": [begin, end]}, ...}, padded with spaces so that 8 + N is a multiple of 8
 *   rest      the tensors' bytes, little-endian, row-major; offsets are relative to here
 * </pre>
 * The writer orders tensors as the reference does (by dtype, largest first, then by name as UTF-8 bytes), writes
 * the JSON compactly in serde_json's form (the metadata first, then {@code dtype}, {@code shape},
 * {@code data_offsets} per tensor in data order) and pads with spaces, so a file written by the Python
 * {@code safetensors} package and jgrad's for the same tensors are the same bytes. The reader checks every rule
 * of the format (header size limit, UTF-8, a JSON object starting with '{', no duplicate keys, known dtypes,
 * offsets that cover the data contiguously with no gaps or overlaps, sizes that match shapes) and names the
 * file, offset and tensor when one is broken.
 */
public final class Safetensors {

    /** The header key of the free-form string map. */
    public static final String METADATA_KEY = "__metadata__";
    /** The reference implementation refuses larger headers (a guard against hostile files). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Safetensors() {
    }

    /** The file's bytes. */
    public static byte[] encode(SafetensorsFile file) {
        List<SafeTensor> order = new ArrayList<>(file.tensors());
        order.sort(Comparator.comparing(SafeTensor::dtype, Comparator.reverseOrder())
                .thenComparing((a, b) -> Arrays.compareUnsigned(utf8(a.name()), utf8(b.name()))));
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        if (file.metadata() != null) {
            json.append(quote(METADATA_KEY)).append(":{");
            boolean firstEntry = true;
            for (Map.Entry<String, String> e : file.metadata().entrySet()) {
                json.append(firstEntry ? "" : ",").append(quote(e.getKey())).append(':').append(quote(e.getValue()));
                firstEntry = false;
            }
            json.append('}');
            first = false;
        }
        long offset = 0;
        for (SafeTensor t : order) {
            long end = offset + t.data().length;
            json.append(first ? "" : ",").append(quote(t.name())).append(":{\"dtype\":\"").append(t.dtype().name())
                    .append("\",\"shape\":[");
            int[] shape = t.shape();
            for (int d = 0; d < shape.length; d++) {
                json.append(d == 0 ? "" : ",").append(shape[d]);
            }
            json.append("],\"data_offsets\":[").append(offset).append(',').append(end).append("]}");
            offset = end;
            first = false;
        }
        json.append('}');
        byte[] header = utf8(json.toString());
        int padded = header.length + (8 - header.length % 8) % 8;
        if (8L + padded + offset > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("safetensors: " + offset + " bytes of tensors are more than one Java array holds");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + padded + (int) offset);
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        out.writeBytes(header);
        for (int i = header.length; i < padded; i++) {
            out.write(' ');
        }
        for (SafeTensor t : order) {
            out.writeBytes(t.data());
        }
        return out.toByteArray();
    }

    /** Writes {@code contents} to {@code file}, atomically. */
    public static void write(Path file, SafetensorsFile contents) throws IOException {
        AtomicFiles.write(file, encode(contents));
    }

    /** Reads and checks a safetensors file. */
    public static SafetensorsFile read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SafetensorsException(file.toString(), "no such file", e);
        }
        return decode(bytes, file.toString());
    }

    /** Parses and checks the bytes of a safetensors file; {@code source} names it in messages. */
    public static SafetensorsFile decode(byte[] bytes, String source) throws SafetensorsException {
        if (bytes.length < 8) {
            throw new SafetensorsException(source, "the file is " + bytes.length
                    + " bytes, too short for the 8-byte header length");
        }
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > MAX_HEADER_BYTES) {
            throw new SafetensorsException(source, "at offset 0: header length " + Long.toUnsignedString(n)
                    + " is over the format's limit of " + MAX_HEADER_BYTES + " bytes; is this a safetensors file?");
        }
        if (8 + n > bytes.length) {
            throw new SafetensorsException(source, "at offset 0: header length " + n + " runs past the end of the file ("
                    + bytes.length + " bytes); the file is truncated or not safetensors");
        }
        int dataStart = 8 + (int) n;
        String header;
        try {
            header = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsException(source, "at offset 8: the header is not valid UTF-8", e);
        }
        if (!header.startsWith("{")) {
            throw new SafetensorsException(source, "at offset 8: the header must start with '{', found "
                    + (header.isEmpty() ? "nothing" : "'" + header.charAt(0) + "'"));
        }
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JsonProcessingException e) {
            throw new SafetensorsException(source, "the header (offset 8, " + n + " bytes) is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (!root.isObject()) {
            throw new SafetensorsException(source, "the header is not a JSON object");
        }
        Map<String, String> metadata = null;
        List<Entry> entries = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals(METADATA_KEY)) {
                metadata = metadata(e.getValue(), source);
            } else {
                entries.add(entry(e.getKey(), e.getValue(), source));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long dataLength = bytes.length - (long) dataStart;
        long expected = 0;
        List<SafeTensor> tensors = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.begin() != expected) {
                throw new SafetensorsException(source, "tensor '" + e.name() + "' starts at data offset " + e.begin()
                        + " but the previous tensor ends at " + expected + "; tensors must cover the data without gaps"
                        + " or overlaps");
            }
            long size = e.dtype().bytes();
            for (int d : e.shape()) {
                size = Math.multiplyExact(size, (long) d);
            }
            if (e.end() - e.begin() != size) {
                throw new SafetensorsException(source, "tensor '" + e.name() + "' is " + e.dtype() + " "
                        + Arrays.toString(e.shape()) + ", which is " + size + " bytes, but its data_offsets ["
                        + e.begin() + ", " + e.end() + "] span " + (e.end() - e.begin()));
            }
            if (e.end() > dataLength) {
                throw new SafetensorsException(source, "tensor '" + e.name() + "' ends at data offset " + e.end()
                        + " (file offset " + (dataStart + e.end()) + ") but the file has only " + dataLength
                        + " bytes of data; the file is truncated");
            }
            tensors.add(new SafeTensor(e.name(), e.dtype(), e.shape(),
                    Arrays.copyOfRange(bytes, dataStart + (int) e.begin(), dataStart + (int) e.end())));
            expected = e.end();
        }
        if (expected != dataLength) {
            throw new SafetensorsException(source, (dataLength - expected) + " bytes at file offset " + (dataStart + expected)
                    + " belong to no tensor; the data must be covered exactly");
        }
        return new SafetensorsFile(tensors, metadata);
    }

    private record Entry(String name, SafetensorsDtype dtype, int[] shape, long begin, long end) {
    }

    private static Map<String, String> metadata(JsonNode node, String source) throws SafetensorsException {
        if (!node.isObject()) {
            throw new SafetensorsException(source, METADATA_KEY + " must be an object of strings");
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new SafetensorsException(source, METADATA_KEY + "['" + e.getKey() + "'] must be a string, got "
                        + e.getValue());
            }
            m.put(e.getKey(), e.getValue().textValue());
        }
        return m;
    }

    private static Entry entry(String name, JsonNode info, String source) throws SafetensorsException {
        String at = "tensor '" + name + "': ";
        if (!info.isObject()) {
            throw new SafetensorsException(source, at + "expected {\"dtype\", \"shape\", \"data_offsets\"}, got " + info);
        }
        JsonNode dtypeNode = info.get("dtype");
        if (dtypeNode == null || !dtypeNode.isTextual()) {
            throw new SafetensorsException(source, at + "missing string \"dtype\"");
        }
        SafetensorsDtype dtype = SafetensorsDtype.byName(dtypeNode.textValue());
        if (dtype == null) {
            throw new SafetensorsException(source, at + "unknown dtype \"" + dtypeNode.textValue() + "\"; known: "
                    + Arrays.toString(SafetensorsDtype.values()));
        }
        JsonNode shapeNode = info.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new SafetensorsException(source, at + "missing array \"shape\"");
        }
        int[] shape = new int[shapeNode.size()];
        for (int d = 0; d < shape.length; d++) {
            JsonNode v = shapeNode.get(d);
            if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
                throw new SafetensorsException(source, at + "shape entry " + d + " is " + v
                        + "; expected a non-negative integer below 2^31");
            }
            shape[d] = v.intValue();
        }
        JsonNode offsets = info.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).isIntegralNumber()
                || !offsets.get(1).isIntegralNumber() || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong()
                || offsets.get(0).longValue() < 0 || offsets.get(1).longValue() < offsets.get(0).longValue()) {
            throw new SafetensorsException(source, at + "\"data_offsets\" must be [begin, end] with 0 <= begin <= end, got "
                    + offsets);
        }
        return new Entry(name, dtype, shape, offsets.get(0).longValue(), offsets.get(1).longValue());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON string as serde_json writes it: only '"', '\\' and control characters escaped. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
