package dev.jgrad.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.activation.Activations;
import dev.jgrad.nn.init.Initializers;
import dev.jgrad.cli.model.LossKind;
import dev.jgrad.cli.model.Mlp;
import dev.jgrad.cli.model.OptimizerKind;
import dev.jgrad.cli.model.Output;
import dev.jgrad.nn.Module;
import dev.jgrad.nn.Parameter;
import dev.jgrad.spark.ModelFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's {@code jgrad train --data fashion-mnist --spark-master 'local[2]'} failed with
 * "NotSerializableException: dev.jgrad.activation.ReluFunction": the network's factory, which Spark serializes
 * to ship to the workers, held the activation function. It holds the spec now.
 */
class SparkRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky-relu:0.1", "gelu", "tanh"})
    void theNetworksFactorySurvivesJavaSerializationAndBuildsTheSameNetwork(String activation) throws Exception {
        int[] widths = {6, 5, 3};
        SparkRun.Plan plan = new SparkRun.Plan(widths, Activations.parse(activation), Output.LOGITS, "he", 7,
                LossKind.CROSS_ENTROPY, OptimizerKind.ADAM, 1e-3, 0, 0, 1, 4);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(SparkRun.modelFactory(plan));
        }
        ModelFactory shipped;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            shipped = (ModelFactory) in.readObject();
        }
        Module worker = shipped.create();
        Module here = Mlp.build(widths, Activations.parse(activation), Output.LOGITS, Initializers.parse("he"), new Random(7));
        assertThat(worker.toString()).isEqualTo(here.toString());
        List<Parameter> a = worker.parameters();
        List<Parameter> b = here.parameters();
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).toArray()).containsExactly(b.get(i).toArray());
        }
    }
}
