package dev.jgrad.data;

import dev.jgrad.data.csv.CsvOptions;
import dev.jgrad.data.csv.CsvReader;
import dev.jgrad.data.csv.LabelKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the CSV and IDX readers with mutations of valid small files: whatever the content, a reader returns data
 * or throws {@link DataFormatException} (an IDX file also may throw the {@link IOException} of real I/O), with a
 * one-line message naming the file; never an IndexOutOfBounds, NumberFormat, OutOfMemoryError or the like.
 *
 * <p>The normal suite runs jqwik's default 1000 tries per property; a long run (see docs/reliability.md):
 * {@code mvn -B -pl jgrad-data -am test -Dtest='ReadersFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Djqwik.tries.default=200000}
 */
class ReadersFuzzTest {

    private static final String CSV = "sepal length,sepal width,\"name, quoted\",species\n"
            + "5.1,3.5,1.4,setosa\n"
            + "4.9,3.0,1.4,setosa\n"
            + "\"6.3\",2.5,\"4.9\",versicolor\r\n"
            + "5.8,2.7,5.1,\"virginica\"\n";

    private static Path dir;

    @BeforeContainer
    static void makeDirectory() throws IOException {
        dir = Files.createTempDirectory("jgrad-fuzz");
    }

    @AfterContainer
    static void removeDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One edit of a text or byte sequence at a position: replace, insert or delete. */
    record Edit(int kind, int at, int length, int value) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<Edit> one = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers(),
                Arbitraries.integers().between(1, 16), Arbitraries.integers()).as(Edit::new);
        return one.list().ofMinSize(1).ofMaxSize(6);
    }

    private static final String CSV_PIECES = "\",;\t\n\r -+.eE0123456789\uFEFF\u0000xé\"\"";

    static String mutateText(String text, List<Edit> edits) {
        StringBuilder s = new StringBuilder(text);
        for (Edit e : edits) {
            int n = s.length();
            int pos = n == 0 ? 0 : Math.floorMod(e.at(), n);
            char c = CSV_PIECES.charAt(Math.floorMod(e.value(), CSV_PIECES.length()));
            switch (e.kind()) {
                case 0, 1 -> {
                    if (n > 0) {
                        s.setCharAt(pos, c);
                    }
                }
                case 2 -> s.insert(pos, String.valueOf(c).repeat(e.length()));
                case 3 -> s.delete(pos, Math.min(n, pos + e.length()));
                case 4 -> s.insert(pos, s.substring(pos, Math.min(n, pos + e.length()))); // duplicate a piece
                default -> s.setLength(pos); // truncate
            }
        }
        return s.toString();
    }

    static byte[] mutateBytes(byte[] in, List<Edit> edits) {
        byte[] b = in;
        for (Edit e : edits) {
            int n = b.length;
            int pos = n == 0 ? 0 : Math.floorMod(e.at(), n);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            switch (e.kind()) {
                case 0 -> {
                    b = b.clone();
                    if (n > 0) {
                        b[pos] ^= (byte) (1 << (e.value() & 7));
                    }
                }
                case 1 -> { // an extreme int32 (counts, dimensions, magic)
                    b = b.clone();
                    int v = new int[]{Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0, 1 << 20, e.value()}[Math.floorMod(e.value(), 6)];
                    for (int i = 0; i < 4 && pos + i < n; i++) {
                        b[pos + i] = (byte) (v >>> (24 - 8 * i)); // IDX is big-endian
                    }
                }
                case 2 -> {
                    out.write(b, 0, pos);
                    for (int i = 0; i < e.length(); i++) {
                        out.write(e.value() + i);
                    }
                    out.write(b, pos, n - pos);
                    b = out.toByteArray();
                }
                case 3 -> {
                    out.write(b, 0, pos);
                    int end = Math.min(n, pos + e.length());
                    out.write(b, end, n - end);
                    b = out.toByteArray();
                }
                default -> b = java.util.Arrays.copyOf(b, pos);
            }
        }
        return b;
    }

    @Property
    void csvMutationsGiveDataOrADataFormatException(@ForAll("edits") List<Edit> edits, @ForAll boolean byName,
                                                    @ForAll LabelKind kind) {
        String text = mutateText(CSV, edits);
        CsvOptions options = CsvOptions.defaults().withLabelKind(kind);
        if (byName) {
            options = options.withLabelColumn("species");
        }
        try {
            Dataset d = CsvReader.parse(text, Path.of("fuzz.csv"), options);
            assertThat(d.size()).isPositive();
        } catch (DataFormatException expected) {
            assertThat(expected.getMessage()).startsWith("fuzz.csv: ").doesNotContain("\n");
        } catch (Throwable t) {
            throw new AssertionError("CsvReader threw " + t + " instead of a DataFormatException for:\n" + text, t);
        }
    }

    private static byte[] idxImages() {
        ByteBuffer b = ByteBuffer.allocate(16 + 3 * 4 * 4);
        b.putInt(0x00000803).putInt(3).putInt(4).putInt(4);
        for (int i = 0; i < 48; i++) {
            b.put((byte) (i * 5));
        }
        return b.array();
    }

    private static byte[] idxLabels() {
        return ByteBuffer.allocate(11).putInt(0x00000801).putInt(3).put((byte) 0).put((byte) 2).put((byte) 1).array();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Property
    void idxMutationsGiveDataOrADataFormatException(@ForAll("edits") List<Edit> edits, @ForAll boolean gzipped,
                                                    @ForAll boolean mutateImages) throws IOException {
        byte[] images = idxImages();
        byte[] labels = idxLabels();
        // Mutate the raw bytes (the header checks) or, for gzip, the compressed stream (the inflater's errors).
        if (mutateImages) {
            images = gzipped ? mutateBytes(gzip(images), edits) : mutateBytes(images, edits);
        } else {
            labels = gzipped ? mutateBytes(gzip(labels), edits) : mutateBytes(labels, edits);
        }
        if (gzipped) {
            images = mutateImages ? images : gzip(images);
            labels = mutateImages ? gzip(labels) : labels;
        }
        String ext = gzipped ? "-ubyte.gz" : "-ubyte";
        Path imagesFile = Files.write(dir.resolve("images-idx3" + ext), images);
        Path labelsFile = Files.write(dir.resolve("labels-idx1" + ext), labels);
        try {
            Dataset d = dev.jgrad.data.idx.IdxReader.readDataset(imagesFile, labelsFile, List.of("a", "b", "c"));
            assertThat(d.size()).isLessThanOrEqualTo(1 << 20);
        } catch (DataFormatException expected) {
            assertThat(expected.getMessage()).startsWith(dir.toString()).doesNotContain("\n");
        } catch (Throwable t) {
            throw new AssertionError("IdxReader threw " + t + " instead of a DataFormatException", t);
        }
    }
}
