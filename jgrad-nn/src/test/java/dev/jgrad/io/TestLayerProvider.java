package dev.jgrad.io;

import dev.jgrad.nn.Module;
import dev.jgrad.tensor.Tensor;

import java.util.List;
import java.util.Map;

/** Listed in the test resources' META-INF/services: a layer type that joins the registry through ServiceLoader. */
public final class TestLayerProvider implements LayerProvider {

    /** {@code y = x + by}. */
    public static final class Shift extends Module {
        final double by;

        public Shift(double by) {
            this.by = by;
        }

        @Override
        public Tensor forward(Tensor x) {
            return x.add((float) by);
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("by", by);
        }
    }

    @Override
    public List<LayerType<?>> layerTypes() {
        return List.of(LayerType.of("Shift", Shift.class, c -> new Shift(c.number("by")), c -> 0));
    }
}
