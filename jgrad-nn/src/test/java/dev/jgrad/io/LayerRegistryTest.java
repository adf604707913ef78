package dev.jgrad.io;

import dev.jgrad.activation.ActivationFunction;
import dev.jgrad.activation.Activations;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerRegistryTest {

    @TempDir
    Path dir;

    /** A user's own layer with a weight: {@code y = x * gain}, gain of shape [width]. */
    static final class Gain extends Module {
        final int width;
        final Parameter gain;

        Gain(int width) {
            this.width = width;
            this.gain = registerParameter("gain", Parameter.zeros(width));
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.mul(gain);
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("width", width);
        }
    }

    static {
        // One registration call is all a user's layer needs.
        LayerRegistry.register(LayerType.of("Gain", Gain.class, c -> new Gain(c.positive("width"))));
    }

    private static final class Cube implements ActivationFunction {
        @Override
        public String spec() {
            return "registry-test-cube";
        }

        @Override
        public String displayName() {
            return "x^3 / 3";
        }

        @Override
        public double value(double x) {
            return x * x * x / 3;
        }

        @Override
        public double derivative(double x) {
            return x * x;
        }
    }

    static {
        Activations.register(new dev.jgrad.catalog.Catalog.Entry<>("registry-test-cube", List.of(), "x^3 / 3", "a test-only entry",
                List.of(), new double[0], p -> new Cube()));
    }

    private SavedModel roundTrip(Module m) throws Exception {
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(m, Map.of(), file);
        return ModelFile.load(file);
    }

    @Test
    void aUsersOwnLayerSavesAndLoadsAfterOneRegistrationCall() throws Exception {
        Random rng = new Random(4);
        Gain g = new Gain(3);
        g.gain.copyFrom(Tensor.of(new float[]{0.5f, -2f, 3.25f}, 3));
        Sequential m = new Sequential(new Linear(2, 3, rng), g, new Linear(3, 1, rng));
        SavedModel s = roundTrip(m);
        assertThat(((Sequential) s.model()).get(1)).isInstanceOf(Gain.class);
        assertThat(s.model().toString()).isEqualTo(m.toString());
        Tensor x = Tensor.randn(rng, 4, 2);
        m.eval();
        assertThat(s.model().forward(x).toArray()).containsExactly(m.forward(x).toArray());
    }

    @Test
    void aLayerTypeFromAServiceLoaderProviderIsKnownWithoutARegistrationCall() throws Exception {
        assertThat(LayerRegistry.names()).contains("Shift");
        SavedModel s = roundTrip(new Sequential(new TestLayerProvider.Shift(1.5), new Linear(2, 2, new Random(1))));
        assertThat(((Sequential) s.model()).get(0)).isInstanceOfSatisfying(TestLayerProvider.Shift.class,
                shift -> assertThat(shift.by).isEqualTo(1.5));
    }

    @Test
    void theActivationLayerIsSavedAsItsCatalogSpec() throws Exception {
        Sequential m = new Sequential(new Linear(2, 4, new Random(2)), new Activation("leaky-relu:0.1"),
                new Linear(4, 3, new Random(3)), new Activation("hardtanh:-2,2"), new Linear(3, 1, new Random(5)));
        assertThat(LayerRegistry.describe(m.get(1))).isEqualTo(Map.of("type", "Activation", "function", "leaky-relu:0.1"));
        SavedModel s = roundTrip(m);
        Sequential loaded = (Sequential) s.model();
        assertThat(((Activation) loaded.get(1)).function().spec()).isEqualTo("leaky-relu:0.1");
        assertThat(((Activation) loaded.get(3)).function().spec()).isEqualTo("hardtanh:-2,2");
        assertThat(loaded.fusionPlan()).isEqualTo(m.fusionPlan()).isEqualTo("Linear+leaky-relu:0.1, Linear+hardtanh:-2,2, Linear");
        Tensor x = Tensor.randn(new Random(6), 8, 2);
        m.eval();
        assertThat(loaded.forward(x).toArray()).containsExactly(m.forward(x).toArray());
    }

    @Test
    void aUsersOwnCatalogActivationSavesAndLoadsWithNoOtherCode() throws Exception {
        Sequential m = new Sequential(new Linear(2, 3, new Random(7)), new Activation("registry-test-cube"),
                new Linear(3, 2, new Random(8)));
        SavedModel s = roundTrip(m);
        assertThat(((Activation) ((Sequential) s.model()).get(1)).function()).isInstanceOf(Cube.class);
        Tensor x = Tensor.randn(new Random(9), 5, 2);
        m.eval();
        assertThat(s.model().forward(x).toArray()).containsExactly(m.forward(x).toArray());
    }

    @Test
    void anUnregisteredSubclassOfActivationIsSavedAsTheGenericLayer() throws Exception {
        class Swish extends Activation {
            Swish() {
                super(Activations.SILU);
            }
        }
        SavedModel s = roundTrip(new Sequential(new Linear(2, 2, new Random(1)), new Swish()));
        Module loaded = ((Sequential) s.model()).get(1);
        assertThat(loaded.getClass()).isEqualTo(Activation.class);
        assertThat(((Activation) loaded).function().spec()).isEqualTo("silu");
    }

    @Test
    void registeringANameOrAClassTwiceIsRefused() {
        assertThatThrownBy(() -> LayerRegistry.register(LayerType.of("Linear", Gain.class, c -> new Gain(1))))
                .hasMessageStartingWith("LayerRegistry: layer type 'Linear' is already registered (for dev.jgrad.nn.Linear)");
        assertThatThrownBy(() -> LayerRegistry.register(LayerType.of("Gain2", Gain.class, c -> new Gain(1))))
                .hasMessageEndingWith("LayerRegistryTest$Gain is already registered as 'Gain'");
    }

    @Test
    void aBadHyperparameterNamesTheLayerAndItsPlace() throws Exception {
        Path file = dir.resolve("m.jgrad");
        ModelFile.save(new Sequential(new Linear(2, 2, new Random(1)), new Activation("elu:0.5")), Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.jgrad");
        Files.write(bad, ModelFileV2Test.withHeader(bytes, ModelFileV2Test.header(bytes).replace("elu:0.5", "elu:x")));
        assertThatThrownBy(() -> ModelFile.load(bad)).isInstanceOf(ModelFileException.class)
                .hasMessage("model file " + bad + ": cannot rebuild the model: Activation at architecture.layers[1]: \"function\""
                        + " elu:x: activation 'elu:x': 'x' is not a number; 'elu' takes alpha (default 1)");
    }
}
