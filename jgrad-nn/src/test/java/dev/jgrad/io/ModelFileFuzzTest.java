package dev.jgrad.io;

import dev.jgrad.nn.Dropout;
import dev.jgrad.nn.LeakyReLU;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Softmax;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the model reader with mutations of a valid small file: whatever the bytes, it returns a model or throws
 * {@link ModelFileException}, never anything else (no IndexOutOfBounds, ClassCast, OutOfMemoryError, ...). Half the
 * mutants get their checksum repaired, so they reach the header and weight checks behind it; the JSON mutations
 * change the header's numbers, types and nesting the way a crafted file would.
 *
 * <p>The normal suite runs jqwik's default 1000 tries per property; a long run (see docs/reliability.md):
 * {@code mvn -B -pl jgrad-nn -am test -Dtest='ModelFileFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Djqwik.tries.default=200000}
 */
class ModelFileFuzzTest {

    private static final byte[] VALID = validFile();

    private static byte[] validFile() {
        try {
            Random rng = new Random(3);
            Sequential m = new Sequential(new Linear(2, 4, Initializers.normal(0, 1), rng), new Tanh(),
                    new Dropout(0.1f, rng), new Linear(4, 3, rng), new LeakyReLU(0.1f), new Linear(3, 2, rng),
                    new Softmax());
            Path tmp = Files.createTempFile("fuzz", ".jgrad");
            ModelFile.save(m, Map.of("classNames", List.of("a", "b"), "scaler", Map.of("mean", List.of(1.0, 2.0))), tmp);
            byte[] b = Files.readAllBytes(tmp);
            Files.delete(tmp);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One byte-level change: flip a bit, set a byte, cut, insert, duplicate a range. */
    record Mutation(int kind, int at, int length, int value) {
        byte[] apply(byte[] in) {
            int n = in.length;
            int pos = n == 0 ? 0 : Math.floorMod(at, n);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (kind) {
                case 0 -> { // flip one bit
                    byte[] b = in.clone();
                    if (n > 0) {
                        b[pos] ^= (byte) (1 << (value & 7));
                    }
                    return b;
                }
                case 1 -> { // set a byte to an interesting value
                    byte[] b = in.clone();
                    if (n > 0) {
                        b[pos] = (byte) new int[]{0, 0xff, 0x7f, 0x80, 1, value}[Math.floorMod(value, 6)];
                    }
                    return b;
                }
                case 2 -> { // truncate
                    return java.util.Arrays.copyOf(in, pos);
                }
                case 3 -> { // delete a range
                    out.write(in, 0, pos);
                    int end = Math.min(n, pos + length);
                    out.write(in, end, n - end);
                    return out.toByteArray();
                }
                case 4 -> { // insert bytes
                    out.write(in, 0, pos);
                    for (int i = 0; i < length; i++) {
                        out.write(value + i);
                    }
                    out.write(in, pos, n - pos);
                    return out.toByteArray();
                }
                default -> { // overwrite an int32 with an extreme value (lengths, counts, dimensions)
                    byte[] b = in.clone();
                    int v = new int[]{Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 30, value}[Math.floorMod(value, 6)];
                    for (int i = 0; i < 4 && pos + i < n; i++) {
                        b[pos + i] = (byte) (v >>> (8 * i));
                    }
                    return b;
                }
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.integers(), Arbitraries.integers().between(1, 64), Arbitraries.integers())
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    /** Textual header mutations: a JSON token replaced by something of another size, type or nesting. */
    @Provide
    Arbitrary<String> headerEdits() {
        return Arbitraries.of("20000", "2147483647", "-1", "0", "1e400", "null", "true", "\"x\"", "[]", "{}",
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "{\"type\":\"Sequential\",\"layers\":[{}]}",
                "{\"type\":\"Linear\",\"in_features\":20000,\"out_features\":20000,\"bias\":true}", "NaN", "\"\\u0000\"");
    }

    private static void assertOnlyModelFileException(byte[] bytes) {
        try {
            ModelFile.read(bytes, Path.of("fuzz.jgrad"));
        } catch (ModelFileException expected) {
            assertThat(expected.getMessage()).startsWith("model file fuzz.jgrad: ").doesNotContain("\n");
        } catch (Throwable t) {
            throw new AssertionError("the reader threw " + t + " instead of a ModelFileException", t);
        }
    }

    @Property
    void byteMutationsGiveAModelOrAModelFileException(@ForAll("mutations") List<Mutation> mutations,
                                                      @ForAll boolean repairChecksum) {
        byte[] b = VALID;
        for (Mutation m : mutations) {
            b = m.apply(b);
        }
        assertOnlyModelFileException(repairChecksum ? ModelBytes.withChecksum(b) : b);
    }

    @Property
    void headerMutationsGiveAModelOrAModelFileException(@ForAll("headerEdits") String replacement,
                                                        @ForAll int which) {
        int headerLength = java.nio.ByteBuffer.wrap(VALID, 9, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        String header = new String(VALID, 13, headerLength, StandardCharsets.UTF_8);
        // Replace the which-th value (a number, string, literal, array or object after a ':' or in a list).
        java.util.regex.Matcher values = java.util.regex.Pattern
                .compile("(?<=[:\\[,])(-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?|\"[^\"]*\"|true|false|null)").matcher(header);
        List<int[]> spans = new java.util.ArrayList<>();
        while (values.find()) {
            spans.add(new int[]{values.start(), values.end()});
        }
        int[] span = spans.get(Math.floorMod(which, spans.size()));
        String mutated = header.substring(0, span[0]) + replacement + header.substring(span[1]);
        int countAt = 13 + headerLength;
        java.nio.ByteBuffer w = java.nio.ByteBuffer.wrap(VALID, countAt, VALID.length - countAt)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int count = w.getInt();
        float[] weights = new float[count];
        for (int i = 0; i < count; i++) {
            weights[i] = w.getFloat();
        }
        assertOnlyModelFileException(ModelBytes.of(mutated, count, weights));
    }
}
