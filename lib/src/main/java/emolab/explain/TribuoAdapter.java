package emolab.explain;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * A {@link PredictFunction} presented to Tribuo as a probabilistic {@code Model<Label>}, so that
 * Tribuo's LIME can query it. Feature values absent from a Tribuo example are 0 (Tribuo's sparse
 * convention).
 */
final class TribuoAdapter extends Model<Label> {
    private static final long serialVersionUID = 1L;
    private final transient PredictFunction f;
    private final List<String> features;
    private final List<String> classes;
    private final int[] column; // Tribuo feature id -> our column

    TribuoAdapter(PredictFunction f, List<String> features, List<String> classes, ModelProvenance provenance,
                  ImmutableFeatureMap fmap, ImmutableOutputInfo<Label> outputs) {
        super("emolab-predict-function", provenance, fmap, outputs, true);
        this.f = f;
        this.features = features;
        this.classes = classes;
        this.column = new int[fmap.size()];
        for (int id = 0; id < fmap.size(); id++) {
            column[id] = features.indexOf(fmap.get(id).getName());
            if (column[id] < 0) throw new IllegalStateException("Tribuo feature '" + fmap.get(id).getName() + "' is not a model feature");
        }
    }

    double[] dense(Example<Label> example) {
        double[] v = new double[features.size()];
        for (Feature feat : example) {
            int id = featureIDMap.getID(feat.getName());
            if (id >= 0) v[column[id]] = feat.getValue();
        }
        return v;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] scores = f.predict(new double[][] {dense(example)})[0];
        Map<String, Label> map = new LinkedHashMap<>();
        int best = 0;
        for (int c = 0; c < classes.size(); c++) {
            map.put(classes.get(c), new Label(classes.get(c), scores[c]));
            if (scores[c] > scores[best]) best = c;
        }
        return new Prediction<>(new Label(classes.get(best), scores[best]), map, example.size(), example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String name, ModelProvenance provenance) {
        return new TribuoAdapter(f, features, classes, provenance, featureIDMap, outputIDInfo);
    }
}
