package dev.jgrad.io;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.tensor.Tensor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFileRoundTripProperties {

    @Property(tries = 10)
    void anyMlpRoundTripsBitForBit(@ForAll @IntRange(min = 1, max = 12) int in,
                                   @ForAll @IntRange(min = 1, max = 12) int hidden,
                                   @ForAll @IntRange(min = 1, max = 6) int out,
                                   @ForAll boolean bias,
                                   @ForAll long seed) throws Exception {
        Random rng = new Random(seed);
        Sequential m = new Sequential(new Linear(in, hidden, bias, Initializers.normal(0, 2), rng), new Tanh(),
                new Linear(hidden, out, rng));
        m.eval();
        Path dir = Files.createTempDirectory("jgrad-roundtrip");
        try {
            Path file = dir.resolve("m.jgrad");
            ModelFile.save(m, Map.of("seed", seed), file);
            SavedModel loaded = ModelFile.load(file);
            Tensor x = Tensor.randn(rng, 5, in);
            assertThat(loaded.model().forward(x).toArray()).isEqualTo(m.forward(x).toArray());
            assertThat(((Number) loaded.metadata().get("seed")).longValue()).isEqualTo(seed);
            Files.delete(file);
        } finally {
            Files.delete(dir);
        }
    }
}
