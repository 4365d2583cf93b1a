package emolab.classify.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Conversions between plain arrays and Tribuo datasets. Features are named {@code f00000 ..} so
 * that Tribuo's name-sorted feature ids follow the column order; labels are named by their
 * code ({@code "0" .. "k-1"}).
 */
final class TribuoData {
    private TribuoData() {}

    private static final LabelFactory FACTORY = new LabelFactory();

    static String[] names(int d) {
        String[] n = new String[d];
        for (int j = 0; j < d; j++) n[j] = String.format("f%05d", j);
        return n;
    }

    static MutableDataset<Label> dataset(double[][] x, int[] y) {
        String[] names = names(x[0].length);
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("emolab", FACTORY), FACTORY);
        for (int i = 0; i < x.length; i++) ds.add(new ArrayExample<>(new Label(Integer.toString(y[i])), names, x[i]));
        return ds;
    }

    static List<Example<Label>> examples(double[][] x) {
        String[] names = names(x[0].length);
        List<Example<Label>> out = new ArrayList<>(x.length);
        for (double[] row : x) out.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        return out;
    }

    static int[] predict(Model<Label> model, double[][] x) {
        List<Prediction<Label>> ps = model.predict(examples(x));
        int[] out = new int[x.length];
        for (int i = 0; i < out.length; i++) out[i] = Integer.parseInt(ps.get(i).getOutput().getLabel());
        return out;
    }

    /** Per-class scores (probabilities for probabilistic models, decision values otherwise), n × k. */
    static double[][] scores(Model<Label> model, double[][] x, int k) {
        List<Prediction<Label>> ps = model.predict(examples(x));
        double[][] out = new double[x.length][k];
        for (int i = 0; i < out.length; i++) {
            for (Map.Entry<String, Label> e : ps.get(i).getOutputScores().entrySet())
                out[i][Integer.parseInt(e.getKey())] = e.getValue().getScore();
        }
        return out;
    }
}
