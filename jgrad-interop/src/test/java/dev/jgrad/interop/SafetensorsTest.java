package dev.jgrad.interop;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.ReLU;
import dev.jgrad.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsTest {

    @Test
    void theLayoutIsTheReferenceImplementations() {
        SafetensorsFile f = new SafetensorsFile(List.of(
                SafeTensor.f32("b", new float[]{1, 2}, 2),
                SafeTensor.f32("a", new float[]{3}, 1, 1)), Map.of("format", "pt"));
        byte[] bytes = Safetensors.encode(f);
        String json = "{\"__metadata__\":{\"format\":\"pt\"},\"a\":{\"dtype\":\"F32\",\"shape\":[1,1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertThat(json.length()).isEqualTo(141);
        // 141 bytes of JSON, padded with three spaces to 144 so the data starts 8-aligned at 152.
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getLong(0)).isEqualTo(144);
        assertThat(new String(bytes, 8, 144, StandardCharsets.UTF_8)).isEqualTo(json + "   ");
        assertThat(bytes).hasSize(152 + 12);
        assertThat(b.getFloat(152)).isEqualTo(3f);
        assertThat(b.getFloat(156)).isEqualTo(1f);
        assertThat(b.getFloat(160)).isEqualTo(2f);
    }

    @Test
    void tensorsAreOrderedByDtypeLargestFirstThenByNameAsUtf8Bytes() throws Exception {
        SafeTensor half = new SafeTensor("z", SafetensorsDtype.F16, new int[]{1}, new byte[]{0, 0x3C});
        SafeTensor dbl = new SafeTensor("y", SafetensorsDtype.F64, new int[]{}, new byte[8]);
        SafeTensor ten = SafeTensor.f32("10.weight", new float[]{1}, 1);
        SafeTensor two = SafeTensor.f32("2.weight", new float[]{2}, 1);
        SafeTensor accent = SafeTensor.f32("\u00e9", new float[]{3}, 1);
        SafeTensor ascii = SafeTensor.f32("~", new float[]{4}, 1);
        byte[] bytes = Safetensors.encode(new SafetensorsFile(List.of(half, accent, two, dbl, ascii, ten), null));
        assertThat(Safetensors.decode(bytes, "t").tensors()).extracting(SafeTensor::name)
                .containsExactly("y", "10.weight", "2.weight", "~", "\u00e9", "z");
        assertThat(new String(bytes, 8, 20, StandardCharsets.UTF_8)).startsWith("{\"y\":{\"dtype\":\"F64\"");
    }

    @Test
    void aFileWrittenByJgradReadsBackByteExact(@TempDir Path dir) throws Exception {
        Sequential model = new Sequential(new Linear(5, 4, new Random(1)), new ReLU(), new Linear(4, 3, new Random(2)));
        // Values a lossy path would change: NaN with a payload, -0, infinities, a subnormal, the extremes.
        float[] w = model.namedParameters().get("2.weight").data();
        w[0] = Float.intBitsToFloat(0x7FC01234);
        w[1] = -0f;
        w[2] = Float.POSITIVE_INFINITY;
        w[3] = Float.NEGATIVE_INFINITY;
        w[4] = Float.MIN_VALUE;
        w[5] = Float.MAX_VALUE;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("note", "quotes \" backslash \\ newline \n tab \t bell \u0007 and caf\u00e9");
        Path file = dir.resolve("m.safetensors");
        Safetensors.write(file, SafetensorsFile.ofModel(model, meta));
        byte[] written = Files.readAllBytes(file);

        SafetensorsFile back = Safetensors.read(file);
        assertThat(back.metadata()).containsExactlyEntriesOf(meta);
        assertThat(back.tensors()).extracting(SafeTensor::name).containsExactly("0.bias", "0.weight", "2.bias", "2.weight");
        model.namedParameters().forEach((name, p) -> {
            float[] got = back.get(name).toFloats();
            assertThat(back.get(name).shape()).isEqualTo(p.shape());
            for (int i = 0; i < got.length; i++) {
                assertThat(Float.floatToRawIntBits(got[i])).as(name + "[" + i + "]").isEqualTo(Float.floatToRawIntBits(p.data()[i]));
            }
        });
        assertThat(Safetensors.encode(back)).isEqualTo(written);
        assertThat(new String(written, 8, 200, StandardCharsets.UTF_8))
                .contains("\"note\":\"quotes \\\" backslash \\\\ newline \\n tab \\t bell \\u0007 and caf\u00e9\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch-relu-mlp.safetensors", "pytorch-gelu-f16.safetensors"})
    void theFixturesWrittenByThePythonScriptAreWhatJgradWrites(String name) throws Exception {
        byte[] python = fixture(name);
        SafetensorsFile read = Safetensors.decode(python, name);
        assertThat(read.metadata()).containsExactlyEntriesOf(Map.of("format", "pt"));
        assertThat(Safetensors.encode(read)).isEqualTo(python);
    }

    @Test
    void halfAndBfloat16AndDoubleConvertExactly() {
        assertThat(SafeTensor.halfToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(SafeTensor.halfToFloat((short) 0xC000)).isEqualTo(-2f);
        assertThat(SafeTensor.halfToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(SafeTensor.halfToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(SafeTensor.halfToFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f);
        assertThat(SafeTensor.halfToFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(SafeTensor.halfToFloat((short) 0x3555)).isEqualTo(0.33325195f);
        assertThat(SafeTensor.halfToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(SafeTensor.halfToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(SafeTensor.halfToFloat((short) 0x7E00)).isNaN();
        assertThat(Float.floatToRawIntBits(SafeTensor.halfToFloat((short) 0x8000))).isEqualTo(0x80000000);
        // Every finite half against its definition, (-1)^s * 2^(e-15) * (1 + m/1024), or m * 2^-24 when e = 0.
        for (int h = 0; h < 0x10000; h++) {
            int e = (h >> 10) & 0x1F;
            int m = h & 0x3FF;
            if (e == 0x1F) {
                continue;
            }
            double v = e == 0 ? m * Math.pow(2, -24) : Math.pow(2, e - 15) * (1 + m / 1024.0);
            assertThat((double) SafeTensor.halfToFloat((short) h)).as("0x%04x", h).isEqualTo((h & 0x8000) != 0 ? -v : v);
        }
        SafeTensor bf = new SafeTensor("bf", SafetensorsDtype.BF16, new int[]{2}, new byte[]{(byte) 0x80, 0x3F, 0x49, (byte) 0xC0});
        assertThat(bf.toFloats()).containsExactly(1f, -3.140625f);
        ByteBuffer d = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.1).putDouble(-1e300);
        assertThat(new SafeTensor("d", SafetensorsDtype.F64, new int[]{2}, d.array()).toFloats())
                .containsExactly(0.1f, Float.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> new SafeTensor("i", SafetensorsDtype.I64, new int[]{1}, new byte[8]).toFloats())
                .hasMessage("tensor 'i' is I64; only F32, F16, BF16 and F64 tensors can be read as float32 weights");
    }

    @Test
    void emptyAndScalarTensorsAreAllowed() throws Exception {
        SafetensorsFile f = new SafetensorsFile(List.of(SafeTensor.f32("empty", new float[0], 0, 3),
                SafeTensor.f32("scalar", new float[]{7}), SafeTensor.f32("v", new float[]{1, 2}, 2)), null);
        SafetensorsFile back = Safetensors.decode(Safetensors.encode(f), "t");
        assertThat(back.get("empty").shape()).containsExactly(0, 3);
        assertThat(back.get("scalar").toFloats()).containsExactly(7f);
        assertThat(back.metadata()).isNull();
    }

    @Test
    void brokenFilesAreRefusedNamingTheOffsetOrTensor() {
        assertThat(error(new byte[5])).isEqualTo("safetensors t: the file is 5 bytes, too short for the 8-byte header length");
        assertThat(error(file(Long.MAX_VALUE, ""))).contains("at offset 0: header length 9223372036854775807 is over the"
                + " format's limit of 100000000 bytes");
        assertThat(error(file(64, "{}"))).isEqualTo("safetensors t: at offset 0: header length 64 runs past the end of the"
                + " file (10 bytes); the file is truncated or not safetensors");
        assertThat(error(file(-1, ""))).contains("header length 18446744073709551615 is over");
        assertThat(error(header("  {}"))).isEqualTo("safetensors t: at offset 8: the header must start with '{', found ' '");
        assertThat(error(header("[]"))).contains("must start with '{', found '['");
        assertThat(error(header("{\"a\":"))).startsWith("safetensors t: the header (offset 8, 8 bytes) is not valid JSON");
        assertThat(error(header("{} x"))).contains("is not valid JSON");
        byte[] badUtf8 = file(3, "");
        badUtf8 = java.util.Arrays.copyOf(badUtf8, 11);
        badUtf8[8] = '{';
        badUtf8[9] = (byte) 0xC3;
        badUtf8[10] = '}';
        assertThat(error(badUtf8)).isEqualTo("safetensors t: at offset 8: the header is not valid UTF-8");
        String a = "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertThat(error(header("{" + a + "," + a + "}", 4))).contains("Duplicate field 'a'");
        assertThat(error(header("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", 4)))
                .isEqualTo("safetensors t: tensor 'a' is F32 [2], which is 8 bytes, but its data_offsets [0, 4] span 4");
        assertThat(error(header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8)))
                .isEqualTo("safetensors t: tensor 'a' starts at data offset 4 but the previous tensor ends at 0; tensors"
                        + " must cover the data without gaps or overlaps");
        assertThat(error(header("{" + a + ",\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", 8)))
                .contains("tensor 'b' starts at data offset 0 but the previous tensor ends at 4");
        assertThat(error(header("{" + a + "}", 2)))
                .isEqualTo("safetensors t: tensor 'a' ends at data offset 4 (file offset 68) but the file has only 2 bytes"
                        + " of data; the file is truncated");
        assertThat(error(header("{" + a + "}", 9)))
                .isEqualTo("safetensors t: 5 bytes at file offset 68 belong to no tensor; the data must be covered exactly");
        assertThat(error(header("{\"a\":{\"dtype\":\"Q8\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1)))
                .contains("tensor 'a': unknown dtype \"Q8\"");
        assertThat(error(header("{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", 4)))
                .contains("tensor 'a': shape entry 0 is -1; expected a non-negative integer");
        assertThat(error(header("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,0]}}", 4)))
                .contains("tensor 'a': \"data_offsets\" must be [begin, end] with 0 <= begin <= end, got [4,0]");
        assertThat(error(header("{\"__metadata__\":{\"k\":1}}", 0)))
                .isEqualTo("safetensors t: __metadata__['k'] must be a string, got 1");
    }

    @Test
    void readingAMissingFileNamesIt(@TempDir Path dir) {
        Path missing = dir.resolve("nope.safetensors");
        assertThatThrownBy(() -> Safetensors.read(missing)).isInstanceOf(SafetensorsException.class)
                .hasMessage("safetensors " + missing + ": no such file");
    }

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = SafetensorsTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    private static String error(byte[] bytes) {
        try {
            Safetensors.decode(bytes, "t");
        } catch (SafetensorsException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted a broken file");
    }

    /** A file whose length field says {@code n}, followed by {@code text}. */
    private static byte[] file(long n, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + t.length).order(ByteOrder.LITTLE_ENDIAN).putLong(n).put(t).array();
    }

    private static byte[] header(String json) {
        return header(json, 0);
    }

    /** A header padded to 8 bytes followed by {@code dataBytes} zero bytes. */
    private static byte[] header(String json, int dataBytes) {
        StringBuilder padded = new StringBuilder(json);
        while (padded.length() % 8 != 0) {
            padded.append(' ');
        }
        byte[] t = padded.toString().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + t.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(t.length).put(t).array();
    }
}
