package emolab.classify.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.LossCurve;
import emolab.classify.Param;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * Multilayer perceptron, wrapping Smile's {@code smile.classification.MLP} (mini-batch
 * back-propagation with momentum, or RMSProp), driven epoch by epoch here so that it has
 * scikit-learn's early stopping and a loss curve.
 *
 * <p>Parameters follow scikit-learn's {@code MLPClassifier}: {@code hidden_layer_sizes},
 * {@code activation} (relu / tanh / logistic), {@code solver} (sgd = SGD with
 * {@code momentum}; rmsprop — Smile has no Adam; for Adam use {@link Dl4jMlp}),
 * {@code learning_rate_init}, {@code alpha} (→ Smile weight decay), {@code batch_size},
 * {@code max_iter} (epochs), {@code early_stopping} with {@code validation_fraction}
 * (stratified, seeded), {@code n_iter_no_change} and {@code tol} (same stopping rule as sklearn;
 * the weights of the best validation epoch are kept), {@code dropout} (Smile's per-layer
 * dropout, 0 = none), {@code random_state} (Smile's weight initialisation and the shuffling).
 * Output: softmax with cross-entropy (one sigmoid for 2 classes).
 */
public final class SmileMlp extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public SmileMlp() {
        super("SmileMlp", List.of(
                Param.intArray("hidden_layer_sizes", new int[] {100}, "units per hidden layer"),
                Param.choice("activation", "relu", List.of("relu", "tanh", "logistic"), "hidden activation"),
                Param.choice("solver", "sgd", List.of("sgd", "rmsprop"), "optimiser"),
                Param.real("learning_rate_init", 0.01, 1e-12, 10, "learning rate"),
                Param.real("momentum", 0.9, 0, 0.999, "momentum (sgd)"),
                Param.real("alpha", 1e-4, 0, 1e6, "weight decay"),
                Param.real("dropout", 0.0, 0, 0.95, "dropout rate of the hidden layers"),
                Param.integer("batch_size", 32, 1, 1_000_000, "mini-batch size"),
                Param.integer("max_iter", 200, 1, 1_000_000, "maximal epochs"),
                Param.bool("early_stopping", true, "stop on validation accuracy"),
                Param.real("validation_fraction", 0.1, 0.01, 0.9, "hold-out fraction for early stopping"),
                Param.integer("n_iter_no_change", 10, 1, 1_000_000, "patience in epochs"),
                Param.real("tol", 1e-4, 0, 1, "minimal improvement"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        int seed = intParam("random_state");
        boolean early = boolParam("early_stopping");
        double[][] xt = x, xv = null;
        int[] yt = y, yv = null;
        if (early) {
            int[][] split = NetTraining.stratifiedHoldout(y, k, realParam("validation_fraction"), seed);
            xt = NetTraining.rows(x, split[0]);
            yt = NetTraining.rows(y, split[0]);
            xv = NetTraining.rows(x, split[1]);
            yv = NetTraining.rows(y, split[1]);
        }
        MathEx.setSeed(seed);
        MLP mlp = new MLP(layers(x[0].length, k));
        mlp.setLearningRate(TimeFunction.constant(realParam("learning_rate_init")));
        if (stringParam("solver").equals("rmsprop")) mlp.setRMSProp(0.9, 1e-7);
        else mlp.setMomentum(TimeFunction.constant(realParam("momentum")));
        mlp.setWeightDecay(realParam("alpha"));

        int epochs = intParam("max_iter"), batch = Math.min(intParam("batch_size"), xt.length);
        var stopper = new NetTraining.Stopper(early, realParam("tol"), intParam("n_iter_no_change"));
        double[] trainLoss = new double[epochs], valLoss = new double[epochs], valAcc = new double[epochs];
        Random rnd = new Random(seed);
        int[] order = new int[xt.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        byte[] best = null;
        int ran = 0;
        for (int ep = 0; ep < epochs; ep++) {
            for (int i = order.length - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
            for (int s = 0; s < order.length; s += batch) {
                int e = Math.min(order.length, s + batch);
                double[][] xb = new double[e - s][];
                int[] yb = new int[e - s];
                for (int i = s; i < e; i++) { xb[i - s] = xt[order[i]]; yb[i - s] = yt[order[i]]; }
                mlp.update(xb, yb);
            }
            trainLoss[ep] = logLoss(mlp, xt, yt, k, null);
            if (early) {
                double[] acc = new double[1];
                valLoss[ep] = logLoss(mlp, xv, yv, k, acc);
                valAcc[ep] = acc[0];
            }
            ran = ep + 1;
            if (!Double.isFinite(trainLoss[ep]))
                throw new IllegalStateException("SmileMlp diverged at epoch " + (ep + 1) + " (loss " + trainLoss[ep]
                        + "); lower learning_rate_init");
            if (stopper.record(ep, trainLoss[ep], valAcc[ep]) && early) best = serialize(mlp);
            if (stopper.stop()) break;
        }
        if (early && best != null) mlp = deserialize(best);
        LossCurve curve = new LossCurve(NetTraining.slice(trainLoss, ran), early ? NetTraining.slice(valLoss, ran) : null,
                early ? NetTraining.slice(valAcc, ran) : null, stopper.bestEpoch());
        return new Engine(mlp, k, curve);
    }

    private LayerBuilder[] layers(int d, int k) {
        List<LayerBuilder> b = new ArrayList<>();
        double dropout = realParam("dropout");
        b.add(Layer.input(d));
        for (int h : intsParam("hidden_layer_sizes")) {
            b.add(switch (stringParam("activation")) {
                case "tanh" -> Layer.tanh(h, dropout);
                case "logistic" -> Layer.sigmoid(h, dropout);
                default -> Layer.rectifier(h, dropout);
            });
        }
        b.add(k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX));
        return b.toArray(LayerBuilder[]::new);
    }

    /** Mean cross-entropy on (x, y); puts the accuracy in {@code acc[0]} when given. */
    static double logLoss(MLP mlp, double[][] x, int[] y, int k, double[] acc) {
        double[] p = new double[k];
        double s = 0;
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            int pred = mlp.predict(x[i], p);
            s -= Math.log(Math.max(p[y[i]], 1e-15));
            if (pred == y[i]) ok++;
        }
        if (acc != null) acc[0] = ok / (double) x.length;
        return s / x.length;
    }

    static byte[] serialize(Object o) {
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bos)) {
            out.writeObject(o);
            out.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <T> T deserialize(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Engine(MLP mlp, int k, LossCurve curve) implements Classifier.ProbabilisticEngine {
        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return type == LossCurve.class ? java.util.Optional.ofNullable(type.cast(curve)) : Classifier.ProbabilisticEngine.super.capability(type);
        }

        @Override
        public double[][] predictProba(double[][] x) {
            double[][] out = new double[x.length][k];
            for (int i = 0; i < x.length; i++) mlp.predict(x[i], out[i]);
            return out;
        }
    }
}
