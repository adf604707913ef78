package dev.jgrad.playground.data;

import dev.jgrad.playground.state.PlaygroundState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PointsCsvTest {

    @Test
    void parsesWithHeaderCommentsAndSplitColumn() {
        List<List<Double>> p = PointsCsv.parse("# painted\nx1,x2,label,split\n1.5,-2,1,train\n\n0,0,0,test\n");
        assertThat(p).containsExactly(List.of(1.5, -2.0, 1.0), List.of(0.0, 0.0, 0.0));
    }

    @Test
    void errorsNameTheLine() {
        assertThatThrownBy(() -> PointsCsv.parse("x1,x2,label\n1,2,3\n4,five,6\n")).hasMessageContaining("line 3");
        assertThatThrownBy(() -> PointsCsv.parse("1,2,0\n7,0,1\n")).hasMessageContaining("line 2").hasMessageContaining("[-6, 6]");
        assertThatThrownBy(() -> PointsCsv.parse("1,2\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> PointsCsv.parse("1,2,0\n")).hasMessageContaining("at least 2");
    }

    @Test
    void downloadParsesBackToTheSamePoints() {
        DataSplit split = DataSplit.of(PlaygroundState.defaults());
        List<List<Double>> back = PointsCsv.parse(PointsCsv.format(split));
        assertThat(back).hasSize(split.train().size() + split.test().size());
        assertThat(back.get(0).get(0)).isCloseTo(split.train().x1()[0], org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void splitIsSeededAndRatioed() {
        PlaygroundState s = PlaygroundState.defaults();
        DataSplit a = DataSplit.of(s), b = DataSplit.of(s);
        assertThat(a.train().x1()).containsExactly(b.train().x1());
        assertThat(a.train().size()).isEqualTo(250);
        // Labels are class indices 0/1 (jgrad-data's +-1 converted).
        for (float l : a.train().label()) assertThat(l).isIn(0f, 1f);
    }

    @Test
    void featuresAreComputedPerPoint() {
        float[] m = Features.matrix(List.of("x1", "x2sq", "x1x2", "sinx1"), new float[] {2f}, new float[] {-3f});
        assertThat(m).containsExactly(2f, 9f, -6f, (float) Math.sin(2));
    }

    @Test
    void gridRowsRunTopToBottom() {
        Grid g = Grid.of(100);
        assertThat(g.x1()[0]).isCloseTo(-5.94f, org.assertj.core.api.Assertions.within(1e-4f));
        assertThat(g.x2()[0]).isCloseTo(5.94f, org.assertj.core.api.Assertions.within(1e-4f));
        assertThat(g.x2()[g.cells() - 1]).isCloseTo(-5.94f, org.assertj.core.api.Assertions.within(1e-4f));
    }
}
