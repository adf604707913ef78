package dev.jgrad.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.data.synthetic.Points2D;
import dev.jgrad.data.synthetic.Shape2D;
import dev.jgrad.data.synthetic.Synthetic2D;
import dev.jgrad.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class TensorConversionTest {

    @Test
    void datasetTensorsHaveTheExpectedShapesAndValues() {
        Dataset d = DatasetTest.counting(4);
        Tensor x = d.featuresTensor();
        assertThat(x.shape()).containsExactly(4, 2);
        assertThat(x.toArray()).containsExactly(0, 0, 1, -1, 2, -2, 3, -3);
        assertThat(d.labelsTensor().shape()).containsExactly(4);
        assertThat(d.labelsTensor().toArray()).containsExactly(0, 1, 2, 0);
        assertThat(d.oneHotTensor().shape()).containsExactly(4, 3);
        assertThat(d.oneHotTensor().toArray()).containsExactly(1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0);
        assertThatThrownBy(d::targetsTensor).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void featuresViewSharesTheRowsAndFeaturesTensorCopiesThem() {
        Dataset d = DatasetTest.counting(4);
        Tensor view = d.featuresView();
        assertThat(view.shape()).containsExactly(4, 2);
        assertThat(view.toArray()).containsExactly(0, 0, 1, -1, 2, -2, 3, -3);
        assertThat(d.featuresView().values()).isSameAs(view.values()); // one array, however often it is asked for
        assertThat(d.featuresTensor().values()).isNotSameAs(view.values());
    }

    @Test
    void datasetsFromTensorsAndScalingTensors() {
        Tensor x = Tensor.of(new float[] {0, 10, 2, 30}, 2, 2);
        Dataset d = Dataset.classification(x, new int[] {1, 0}, List.of("no", "yes"));
        assertThat(d.row(1)).containsExactly(2, 30);
        Dataset r = Dataset.regression(x, Tensor.of(new float[] {1, 2}, 2, 1));
        assertThat(r.targets()).containsExactly(1, 2);
        Scaler s = Scaler.fit(Scaler.Kind.MIN_MAX, d);
        Tensor scaled = s.transform(x);
        assertThat(scaled.shape()).containsExactly(2, 2);
        assertThat(scaled.toArray()).containsExactly(0, 0, 1, 1);
        assertThatThrownBy(() -> s.transform(Tensor.of(new float[3], 1, 3))).hasMessageContaining("shape [1, 3]");
        assertThatThrownBy(() -> Dataset.classification(Tensor.of(new float[2], 2), new int[2], List.of("a")))
                .hasMessageContaining("2-D");
    }

    @Test
    void pointsBecomeADatasetWithZeroOneClasses() {
        Points2D p = Synthetic2D.generate(Shape2D.CIRCLE, 10, 0, 1L);
        Dataset d = p.toDataset();
        assertThat(d.classNames()).containsExactly("-1", "+1");
        assertThat(d.labels()).containsExactly(1, 1, 1, 1, 1, 0, 0, 0, 0, 0);
        assertThat(d.row(3)).containsExactly(p.x1()[3], p.x2()[3]);
        assertThat(d.featuresTensor().shape()).containsExactly(10, 2);
        Dataset reg = Synthetic2D.generate(Shape2D.PLANE, 6, 0, 1L).toDataset();
        assertThat(reg.isRegression()).isTrue();
        assertThat(reg.targetsTensor().shape()).containsExactly(6, 1);
        Dataset k = Synthetic2D.generate(Shape2D.BLOBS, 8, 0, 4, 1L).toDataset();
        assertThat(k.classNames()).containsExactly("0", "1", "2", "3");
        assertThat(k.classCounts()).containsExactly(2, 2, 2, 2);
    }
}
