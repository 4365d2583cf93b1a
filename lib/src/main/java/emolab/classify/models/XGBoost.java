package emolab.classify.models;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.FeatureImportance;
import emolab.classify.Param;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostFeatureImportance;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * XGBoost gradient boosting (multi-class softprob), wrapping Tribuo's
 * {@code XGBoostClassificationTrainer} (xgboost4j 1.6). Parameter names and defaults are
 * xgboost's scikit-learn API: {@code n_estimators} 100, {@code learning_rate} (eta) 0.3,
 * {@code max_depth} 6, {@code min_child_weight} 1, {@code gamma} 0, {@code subsample} 1,
 * {@code colsample_bytree} 1, {@code reg_lambda} 1, {@code reg_alpha} 0; {@code random_state}
 * seed. {@code n_jobs} (native OpenMP threads, 0 = all cores) defaults to 1: on a busy shared
 * machine xgboost's OpenMP threads spin while they wait for a core (measured: 2 threads took 5×
 * the CPU time and wall time of 1 on a 2-core machine under load). Importance: total gain per
 * feature.
 */
public final class XGBoost extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public XGBoost() {
        super("XGBoost", List.of(
                Param.integer("n_estimators", 100, 1, 100_000, "boosting rounds"),
                Param.real("learning_rate", 0.3, 1e-12, 1.0, "eta, shrinkage of each round"),
                Param.integer("max_depth", 6, 1, 100, "maximal tree depth"),
                Param.real("min_child_weight", 1.0, 0, Double.MAX_VALUE, "minimal hessian sum in a child"),
                Param.real("gamma", 0.0, 0, Double.MAX_VALUE, "minimal loss reduction to split"),
                Param.real("subsample", 1.0, 1e-9, 1.0, "row fraction per round"),
                Param.real("colsample_bytree", 1.0, 1e-9, 1.0, "feature fraction per tree"),
                Param.real("reg_lambda", 1.0, 0, Double.MAX_VALUE, "L2 penalty on leaf weights"),
                Param.real("reg_alpha", 0.0, 0, Double.MAX_VALUE, "L1 penalty on leaf weights"),
                Param.integer("n_jobs", 1, 0, 1024, "native threads (0 = all cores)"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int threads = intParam("n_jobs") == 0 ? Runtime.getRuntime().availableProcessors() : intParam("n_jobs");
        var trainer = new XGBoostClassificationTrainer(intParam("n_estimators"), realParam("learning_rate"), realParam("gamma"),
                intParam("max_depth"), realParam("min_child_weight"), realParam("subsample"), realParam("colsample_bytree"),
                realParam("reg_lambda"), realParam("reg_alpha"), threads, true, intParam("random_state"));
        XGBoostModel<Label> model = trainer.train(TribuoData.dataset(x, y));
        return new Engine(model, k, importance(model, x[0].length));
    }

    private static double[] importance(XGBoostModel<Label> model, int d) {
        double[] imp = new double[d];
        List<XGBoostFeatureImportance> list = model.getFeatureImportance();
        for (XGBoostFeatureImportance fi : list) {
            Map<String, Double> gain = new LinkedHashMap<>(fi.getTotalGain());
            String[] names = TribuoData.names(d);
            for (int j = 0; j < d; j++) imp[j] += gain.getOrDefault(names[j], 0.0);
        }
        return imp;
    }

    private record Engine(Model<Label> model, int k, double[] importance) implements Classifier.ProbabilisticEngine, FeatureImportance {

        @Override
        public synchronized double[][] predictProba(double[][] x) {
            return TribuoData.scores(model, x, k);
        }

        @Override
        public double[] featureImportance() {
            return importance.clone();
        }

        @Override
        public Classifier.ImportanceKind importanceKind() {
            return Classifier.ImportanceKind.IMPURITY;
        }
    }
}
