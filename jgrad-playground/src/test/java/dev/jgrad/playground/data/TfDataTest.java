package dev.jgrad.playground.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgrad.playground.state.PlaygroundState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A TF link gives TF Playground's own random numbers and points (reference values from the npm packages). */
class TfDataTest {

    @Test
    void seedRandomGivesSeedrandomsStream() {
        var streams = TfReference.JSON.get("streams");
        assertThat(streams.size()).isEqualTo(4);
        streams.fields().forEachRemaining(e -> {
            SeedRandom r = new SeedRandom(e.getKey());
            for (JsonNode v : e.getValue()) assertThat(r.next()).as("seed %s", e.getKey()).isEqualTo(v.asDouble());
        });
    }

    @Test
    void seedRandomMixesLongSeedsAndAcceptsAnEmptyOne() {
        // Past 256 characters the key wraps and mixes; the stream must still be a valid one, and differ.
        String longSeed = "x".repeat(300);
        double a = new SeedRandom(longSeed).next(), b = new SeedRandom("x".repeat(256)).next();
        assertThat(a).isBetween(0.0, 1.0).isNotEqualTo(b);
        assertThat(new SeedRandom("").next()).isBetween(0.0, 1.0);
    }

    @Test
    void everyTfDataSetHasTfsPointsSplitAndOrder() {
        JsonNode sets = TfReference.JSON.get("datasets");
        assertThat(sets.size()).isEqualTo(7);
        for (JsonNode e : sets) {
            String link = TfReference.link(e);
            PlaygroundState s = TfReference.state(link);
            assertThat(s.tfCompat()).isTrue();
            DataSplit d = DataSplit.of(s);
            boolean regression = s.problem().equals("regression");
            assertThat(d.train().size()).as(link).isEqualTo(e.get("trainSize").asInt());
            assertThat(d.test().size()).as(link).isEqualTo(e.get("testSize").asInt());
            samePoints(link + " train", d.train(), e.get("firstTrain"), regression);
            samePoints(link + " test", d.test(), e.get("firstTest"), regression);
            sameSums(link + " train", d.train(), e.get("trainSums"), regression);
            sameSums(link + " test", d.test(), e.get("testSums"), regression);
        }
    }

    private static void samePoints(String what, PointSet p, JsonNode ref, boolean regression) {
        for (int i = 0; i < ref.size(); i++) {
            JsonNode r = ref.get(i);
            assertThat(p.x1()[i]).as("%s point %d x", what, i).isEqualTo((float) r.get(0).asDouble());
            assertThat(p.x2()[i]).as("%s point %d y", what, i).isEqualTo((float) r.get(1).asDouble());
            float label = regression ? (float) r.get(2).asDouble() : r.get(2).asDouble() > 0 ? 1 : 0;
            assertThat(p.label()[i]).as("%s point %d label", what, i).isEqualTo(label);
        }
    }

    /** Every point, through sums: TF's labels are +-1 where the playground's classes are 1/0. */
    private static void sameSums(String what, PointSet p, JsonNode ref, boolean regression) {
        double x = 0, y = 0, l = 0;
        for (int i = 0; i < p.size(); i++) {
            x += p.x1()[i];
            y += p.x2()[i];
            l += regression ? p.label()[i] : 2 * p.label()[i] - 1;
        }
        assertThat(x).as(what + " sum x").isCloseTo(ref.get(0).asDouble(), within(1e-3));
        assertThat(y).as(what + " sum y").isCloseTo(ref.get(1).asDouble(), within(1e-3));
        assertThat(l).as(what + " sum label").isCloseTo(ref.get(2).asDouble(), within(1e-3));
    }

    @Test
    void aSeedTfDidNotWriteIsSeededWithItsOwnText() {
        PlaygroundState s = TfReference.state("#dataset=xor&seed=hello&networkShape=4,2");
        SeedRandom expected = new SeedRandom("hello");
        double first = expected.next();
        // xor's first draw is the first point's x: U(-5, 5) plus the 0.3 padding; it sits somewhere in the split
        double x = first * 10 - 5;
        x += x > 0 ? 0.3 : -0.3;
        DataSplit d = DataSplit.of(s);
        boolean found = false;
        for (PointSet p : new PointSet[] {d.train(), d.test()})
            for (float v : p.x1()) found |= v == (float) x;
        assertThat(found).isTrue();
        assertThat(dev.jgrad.playground.state.LinkCodec.write(s)).contains("seed=hello");
    }
}
