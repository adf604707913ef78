package dev.jgrad.nn.loss;

import dev.jgrad.autograd.GradCheck;
import dev.jgrad.optim.Adam;
import dev.jgrad.optim.AdamW;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Optimizers;
import dev.jgrad.optim.SGD;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The loss and optimizer catalogs: every entry builds, specs carry parameters, bad specs get one clear line. */
class CatalogsTest {

    @Test
    void everyLossEntryBuildsAndNamesResolve() {
        for (var e : Losses.entries()) {
            assertThat(e.create()).isNotNull();
        }
        assertThat(Losses.parse("ce")).isInstanceOf(CrossEntropyLoss.class);
        assertThat(Losses.parse("Huber:0.5").toString()).contains("delta=0.5");
        assertThat(Losses.parse("bce-with-logits")).isInstanceOf(BCEWithLogitsLoss.class);
        assertThatThrownBy(() -> Losses.parse("hubber")).hasMessageContaining("unknown loss 'hubber'")
                .hasMessageContaining("cross-entropy");
        assertThatThrownBy(() -> Losses.parse("huber:x")).hasMessageContaining("'x' is not a number");
        assertThatThrownBy(() -> Losses.parse("huber:-1")).hasMessageContaining("delta must be > 0");
    }

    @Test
    void quadraticCostIsHalfTheSquaredErrorPerSampleWithItsGradient() {
        Tensor p = Tensor.of(new float[]{1, 2, 3, 4}, 2, 2).requiresGrad(true);
        Tensor t = Tensor.of(new float[]{0, 2, 1, 1}, 2, 2);
        Tensor c = Losses.parse("quadratic").apply(p, t);
        // (1 + 0 + 4 + 9) / (2 * 2)
        assertThat(c.item()).isCloseTo(3.5f, within(1e-6f));
        c.backward();
        assertThat(p.grad().toArray()).containsExactly(0.5f, 0f, 1f, 1.5f);
        Tensor q = Tensor.randn(new Random(1), 3, 4).requiresGrad(true);
        Tensor target = Tensor.randn(new Random(2), 3, 4);
        GradCheck.Report r = GradCheck.check(in -> new HalfSquaredError().apply(in[0], target), q);
        assertThat(r.passed()).as(r.toString()).isTrue();
    }

    @Test
    void optimizerSpecsSetTheirHyperparameters() {
        List<Tensor> params = List.of(Tensor.zeros(3).requiresGrad(true));
        for (var e : Optimizers.entries()) {
            assertThat(e.create().create(params, 0.1).lr()).isEqualTo(0.1);
        }
        Optimizer sgd = Optimizers.parse("sgd:0.9").create(params, 0.1);
        assertThat(sgd).isInstanceOf(SGD.class);
        assertThat(sgd.toString()).contains("momentum=0.9");
        assertThat(Optimizers.parse("adam").create(params, 1e-3)).isInstanceOf(Adam.class);
        assertThat(Optimizers.parse("adamw:0.05").create(params, 1e-3)).isInstanceOf(AdamW.class);
        assertThatThrownBy(() -> Optimizers.parse("adma")).hasMessageContaining("unknown optimizer 'adma'");
        assertThatThrownBy(() -> Optimizers.parse("sgd:0.9,0,1")).hasMessageContaining("takes momentum");
    }

    @Test
    void canonicalSpecsUseTheEntryNameAndShortestNumbers() {
        assertThat(Losses.canonical("crossentropy")).isEqualTo("cross-entropy");
        assertThat(Losses.canonical("Smooth_L1:0.50")).isEqualTo("huber:0.5");
        assertThat(Losses.canonical("half-mse")).isEqualTo("quadratic");
        assertThat(Optimizers.canonical("SGD:0.90")).isEqualTo("sgd:0.9");
        assertThat(Optimizers.canonical("adam")).isEqualTo("adam");
        assertThat(dev.jgrad.activation.Activations.canonical("leakyrelu")).isEqualTo("leaky-relu:0.01");
        assertThat(dev.jgrad.activation.Activations.canonical("linear")).isEqualTo("identity");
        assertThat(Losses.entry("ce").name()).isEqualTo("cross-entropy");
        assertThatThrownBy(() -> Losses.canonical("huber:-1")).hasMessageContaining("delta must be > 0");
        assertThatThrownBy(() -> Optimizers.canonical("sgd:a")).hasMessageContaining("'a' is not a number");
    }

    @Test
    void initializerCatalogFillsAsNamed() {
        java.util.Random rng = new java.util.Random(3);
        for (var e : dev.jgrad.nn.init.Initializers.entries()) {
            Tensor w = Tensor.zeros(4, 3);
            e.create().initialize(w, 3, 4, rng);
            for (float v : w.toArray()) assertThat(Float.isFinite(v)).isTrue();
        }
        Tensor w = Tensor.zeros(100, 100);
        dev.jgrad.nn.init.Initializers.parse("uniform").initialize(w, 100, 100, rng);
        float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
        for (float v : w.toArray()) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        assertThat(lo).isBetween(-0.5f, -0.49f);
        assertThat(hi).isBetween(0.49f, 0.5f);
        dev.jgrad.nn.init.Initializers.parse("constant:0.1").initialize(w, 100, 100, rng);
        assertThat(w.toArray()[1234]).isEqualTo(0.1f);
        assertThat(dev.jgrad.nn.init.Initializers.canonical("glorot")).isEqualTo("glorot-uniform");
        assertThat(dev.jgrad.nn.init.Initializers.canonical("zero")).isEqualTo("zeros");
        assertThatThrownBy(() -> dev.jgrad.nn.init.Initializers.parse("uniform:1,0")).hasMessageContaining("a < b");
    }
}
