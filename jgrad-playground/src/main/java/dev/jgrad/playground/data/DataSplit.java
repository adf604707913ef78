package dev.jgrad.playground.data;

import dev.jgrad.playground.state.Choices;
import dev.jgrad.playground.state.Limits;
import dev.jgrad.playground.state.PlaygroundState;
import dev.jgrad.random.Shuffle;

import java.util.List;
import java.util.Random;

/** The training and test points a state describes. */
public record DataSplit(PointSet train, PointSet test) {

    /**
     * Generates (or takes the custom) points, shuffles them with the state's seed and splits them by
     * {@code trainRatio}; painted points always join the training set. In the TF-compatible mode TF's six sets are
     * TF Playground's own points ({@link TfData}).
     */
    public static DataSplit of(PlaygroundState s) {
        if (TfData.covers(s)) return TfData.split(s); // a TF link's own points
        int k = s.numClasses();
        boolean regression = s.problem().equals("regression");
        PointSet all = s.dataset().equals(Choices.CUSTOM)
                ? fromTriples(s.custom(), k, regression)
                : Synthetic.generate(s.dataset(), pointCount(s), s.noise(), s.seed(), s.classes());
        int n = all.size();
        // A separate stream from generation, so changing the ratio never changes the points themselves.
        int[] order = Shuffle.permutation(n, new Random(s.seed() * 31 + 7));
        int nTrain = Math.max(1, Math.min(n - 1, Math.round(n * s.trainRatio() / 100f)));
        int[] tr = java.util.Arrays.copyOfRange(order, 0, nTrain), te = java.util.Arrays.copyOfRange(order, nTrain, n);
        PointSet train = all.select(tr);
        if (!s.points().isEmpty()) train = train.concat(fromTriples(s.points(), all.numClasses(), all.regression()));
        return new DataSplit(train, all.select(te));
    }

    /** TF Playground's counts: 500 points, 1200 for its regression sets in the TF-compatible mode. */
    static int pointCount(PlaygroundState s) {
        return s.tfCompat() && s.problem().equals("regression") ? Limits.TF_REGRESSION_POINTS : Limits.POINTS;
    }

    public static PointSet fromTriples(List<List<Double>> triples, int numClasses, boolean regression) {
        int n = triples.size();
        float[] a = new float[n], b = new float[n], l = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = triples.get(i).get(0).floatValue();
            b[i] = triples.get(i).get(1).floatValue();
            l[i] = triples.get(i).get(2).floatValue();
        }
        return new PointSet(a, b, l, regression ? 1 : numClasses, regression);
    }
}
