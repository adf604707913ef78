package dev.jgrad.nn;

import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleTest {

    private static Sequential mlp() {
        Random rng = new Random(1);
        return new Sequential(new Linear(2, 4, rng), new Tanh(), new Linear(4, 1, rng), new Sigmoid());
    }

    @Test
    void parametersAreNamedByPathInRegistrationOrder() {
        Sequential m = mlp();
        assertThat(m.namedParameters().keySet()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
        assertThat(m.parameters()).hasSize(4);
        assertThat(m.namedParameters().get("0.weight").shape()).containsExactly(4, 2);
        assertThat(m.namedParameters().get("2.bias").shape()).containsExactly(1);
        assertThat(m.parameterCount()).isEqualTo(8 + 4 + 4 + 1);
        assertThat(m.parameters()).allMatch(Tensor::requiresGrad);
    }

    @Test
    void toStringShowsLayersShapesAndCounts() {
        String s = mlp().toString();
        assertThat(s).isEqualTo("""
                Sequential(
                  (0): Linear(in_features=2, out_features=4, bias=true)  weight [4, 2], bias [4]  12 params
                  (1): Tanh()
                  (2): Linear(in_features=4, out_features=1, bias=true)  weight [1, 4], bias [1]  5 params
                  (3): Sigmoid()
                )  total 17 params""");
    }

    @Test
    void trainAndEvalPropagateToChildren() {
        Sequential m = mlp();
        assertThat(m.isTraining()).isTrue();
        m.eval();
        assertThat(m.isTraining()).isFalse();
        assertThat(m.get(0).isTraining()).isFalse();
        m.train();
        assertThat(m.get(3).isTraining()).isTrue();
        // A layer added to a model in eval mode follows the model.
        m.eval();
        m.add(new ReLU());
        assertThat(m.get(4).isTraining()).isFalse();
    }

    @Test
    void zeroGradClearsAccumulatedGradients() {
        Sequential m = mlp();
        m.forward(Tensor.of(new float[]{1, 2}, 1, 2)).sum().backward();
        assertThat(m.parameters()).allMatch(p -> p.grad() != null);
        m.zeroGrad();
        for (Parameter p : m.parameters()) {
            assertThat(p.grad().toArray()).containsOnly(0f);
        }
    }

    @Test
    void duplicateOrDottedNamesAreRejected() {
        class Bad extends Module {
            Bad(String first, String second) {
                registerParameter(first, Parameter.zeros(1));
                registerParameter(second, Parameter.zeros(1));
            }

            @Override
            public Tensor forward(Tensor x) {
                return x;
            }
        }
        assertThatThrownBy(() -> new Bad("w", "w")).hasMessageContaining("'w' is already registered");
        assertThatThrownBy(() -> new Bad("a.b", "c")).hasMessageContaining("contain no '.'");
    }

    @Test
    void sequentialForwardTraceReturnsEveryLayerOutput() {
        Sequential m = mlp();
        Tensor x = Tensor.of(new float[]{0.5f, -1f, 2f, 0f}, 2, 2);
        var trace = m.forwardTrace(x);
        assertThat(trace).hasSize(4);
        assertThat(trace.get(0).shape()).containsExactly(2, 4);
        assertThat(trace.get(1).toArray()).containsExactly(trace.get(0).tanh().toArray());
        assertThat(trace.get(3).toArray()).containsExactly(m.forward(x).toArray());
        assertThat(m.size()).isEqualTo(4);
        assertThatThrownBy(() -> m.get(4)).hasMessageContaining("layer 4 of 4");
    }
}
