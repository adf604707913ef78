package dev.jgrad.optim;

import dev.jgrad.nn.Linear;
import dev.jgrad.nn.Parameter;
import dev.jgrad.nn.Sequential;
import dev.jgrad.nn.Tanh;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every optimizer's state, saved after some steps and loaded into a fresh one, continues bit for bit. */
class OptimizerStateTest {

    private static Function<List<Parameter>, GradientOptimizer> named(String name) {
        return switch (name) {
            case "sgd" -> p -> new SGD(p, 0.05);
            case "momentum" -> p -> new SGD(p, 0.05, 0.9, false, 0.01);
            case "nesterov" -> p -> new SGD(p, 0.05, 0.9, true, 0);
            case "adam" -> p -> new Adam(p, 0.01);
            case "adamw" -> p -> new AdamW(p, 0.01, 0.05);
            case "rmsprop" -> p -> new RMSProp(p, 0.01);
            case "adagrad" -> p -> new AdaGrad(p, 0.1);
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Sequential net() {
        Random rng = new Random(3);
        return new Sequential(new Linear(3, 5, rng), new Tanh(), new Linear(5, 2, rng));
    }

    private static void steps(Sequential m, GradientOptimizer opt, int from, int to) {
        for (int s = from; s < to; s++) {
            Tensor x = Tensor.randn(new Random(100 + s), 4, 3);
            opt.zeroGrad();
            Tensor y = m.forward(x);
            y.mul(y).mean().backward();
            opt.step();
        }
    }

    private static void copyWeights(Sequential from, Sequential to) {
        List<Parameter> a = from.parameters();
        List<Parameter> b = to.parameters();
        for (int i = 0; i < a.size(); i++) {
            b.get(i).copyFrom(a.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad"})
    void aLoadedStateContinuesExactlyAsTheOriginal(String name) {
        Sequential straight = net();
        GradientOptimizer a = named(name).apply(straight.parameters());
        steps(straight, a, 0, 3);
        OptimizerState saved = a.state();
        Sequential resumed = net();
        copyWeights(straight, resumed);
        steps(straight, a, 3, 6);

        GradientOptimizer b = named(name).apply(resumed.parameters());
        b.loadState(saved);
        assertThat(b.steps()).isEqualTo(3);
        steps(resumed, b, 3, 6);
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertThat(resumed.parameters().get(i).toArray()).containsExactly(straight.parameters().get(i).toArray());
        }
        assertThat(b.state()).isEqualTo(a.state());
    }

    @Test
    void theStateIsACopyAndNamesItsBuffers() {
        Sequential m = net();
        Adam adam = new Adam(m.parameters(), 0.01);
        steps(m, adam, 0, 1);
        OptimizerState s = adam.state();
        assertThat(s.type()).isEqualTo("Adam");
        assertThat(s.buffers().keySet()).containsExactly("m", "v");
        assertThat(s.floatCount()).isEqualTo(2 * m.parameterCount());
        float before = s.buffers().get("m")[0][0];
        steps(m, adam, 1, 2);
        assertThat(s.buffers().get("m")[0][0]).isEqualTo(before);
        assertThat(adam.hyperparameters()).containsEntry("lr", 0.01).containsEntry("beta1", 0.9)
                .containsEntry("beta2", 0.999);
    }

    @Test
    void aStateOnlyLoadsIntoTheSameKindOfOptimizer() {
        Sequential m = net();
        OptimizerState adam = new Adam(m.parameters(), 0.01).state();
        assertThatThrownBy(() -> new RMSProp(m.parameters(), 0.01).loadState(adam))
                .hasMessage("RMSProp: cannot load the state of a Adam optimizer");
        OptimizerState plain = new SGD(m.parameters(), 0.1).state();
        assertThatThrownBy(() -> new SGD(m.parameters(), 0.1, 0.9, false, 0).loadState(plain))
                .hasMessage("SGD: the saved state has buffers [] but this optimizer keeps [velocity] (different settings,"
                        + " e.g. momentum?)");
        Sequential other = new Sequential(new Linear(3, 4, new Random(1)));
        OptimizerState small = new Adam(other.parameters(), 0.01).state();
        assertThatThrownBy(() -> new Adam(m.parameters(), 0.01).loadState(small))
                .hasMessage("Adam: saved buffer 'm' has sizes [12, 4] but the parameters have [15, 5, 10, 2]");
    }
}
