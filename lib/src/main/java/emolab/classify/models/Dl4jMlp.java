package emolab.classify.models;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;
import emolab.classify.LossCurve;
import emolab.classify.Param;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A Keras-style multilayer perceptron in DeepLearning4J: for each hidden layer
 * Dense → ReLU (→ Dropout when {@code dropout} &gt; 0), then a softmax output with
 * cross-entropy; Adam, SGD or Nesterov momentum; early stopping on a stratified validation
 * split; seeded; the per-epoch train/validation loss is kept ({@link Classifier#lossCurve()}).
 *
 * <p>Defaults and names follow scikit-learn's {@code MLPClassifier} so that
 * {@code MLPClassifier(hidden_layer_sizes=(128,), early_stopping=True)} maps one to one:
 * {@code solver} adam with {@code learning_rate_init} 0.001, {@code beta_1} 0.9,
 * {@code beta_2} 0.999, {@code epsilon} 1e-8; {@code batch_size} 200 (capped at the rows);
 * {@code alpha} 1e-4 is sklearn's L2 term ½·alpha·‖W‖²/batch, i.e. DL4J {@code l2} =
 * alpha / batch_size on the weights (not the biases); weights Glorot-uniform
 * ({@code XAVIER_UNIFORM}, sklearn's bound √(6/(fan_in+fan_out))), biases 0 (sklearn draws
 * them uniformly too); rows reshuffled every epoch; {@code max_iter} epochs; with
 * {@code early_stopping} a stratified {@code validation_fraction} is held out and training stops
 * after more than {@code n_iter_no_change} epochs without a validation-accuracy gain above
 * {@code tol}, keeping the best epoch's weights (sklearn's rule); without it, the rule runs on
 * the training loss. Computation is in float32 (sklearn: float64).
 *
 * <p>The loss curve holds, after each epoch and in inference mode, DL4J's score (mean
 * cross-entropy plus the L2 term) on the training part and on the validation part, and the
 * validation accuracy. ND4J threads: see {@link Nd4jRuntime}.
 */
public final class Dl4jMlp extends ClassifierSpec {
    private static final long serialVersionUID = 1L;

    public Dl4jMlp() {
        super("Dl4jMlp", List.of(
                Param.intArray("hidden_layer_sizes", new int[] {100}, "units per hidden (Dense + ReLU) layer"),
                Param.real("dropout", 0.0, 0, 0.95, "dropout rate after each hidden layer (0 = no dropout layer)"),
                Param.choice("solver", "adam", List.of("adam", "sgd", "nesterovs"), "optimiser"),
                Param.real("learning_rate_init", 1e-3, 1e-12, 10, "learning rate"),
                Param.real("momentum", 0.9, 0, 0.999, "momentum (nesterovs)"),
                Param.real("beta_1", 0.9, 0, 0.999999, "Adam beta 1"),
                Param.real("beta_2", 0.999, 0, 0.999999, "Adam beta 2"),
                Param.real("epsilon", 1e-8, 1e-15, 1, "Adam epsilon"),
                Param.real("alpha", 1e-4, 0, 1e6, "L2 penalty (sklearn scale)"),
                Param.integer("batch_size", 200, 1, 1_000_000, "mini-batch size"),
                Param.integer("max_iter", 200, 1, 1_000_000, "maximal epochs"),
                Param.bool("early_stopping", false, "stop on validation accuracy"),
                Param.real("validation_fraction", 0.1, 0.01, 0.9, "hold-out fraction for early stopping"),
                Param.integer("n_iter_no_change", 10, 1, 1_000_000, "patience in epochs"),
                Param.real("tol", 1e-4, 0, 1, "minimal improvement"),
                Param.integer("random_state", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "seed")));
    }

    @Override
    protected Classifier.Engine train(double[][] x, int[] y, int k) {
        Nd4jRuntime.init();
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
        int batch = Math.min(intParam("batch_size"), xt.length);
        MultiLayerNetwork net = new MultiLayerNetwork(config(x[0].length, k, batch, seed));
        net.init();
        DataSet train = dataSet(xt, yt, k);
        DataSet val = early ? dataSet(xv, yv, k) : null;
        float[][] xf = floats(xt), yf = oneHot(yt, k);

        int epochs = intParam("max_iter");
        var stopper = new NetTraining.Stopper(early, realParam("tol"), intParam("n_iter_no_change"));
        double[] trainLoss = new double[epochs], valLoss = new double[epochs], valAcc = new double[epochs];
        INDArray best = null;
        int ran = 0;
        java.util.Random rnd = new java.util.Random(seed);
        int[] order = new int[xt.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        for (int ep = 0; ep < epochs; ep++) {
            for (int i = order.length - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
            for (int s = 0; s < order.length; s += batch) net.fit(batch(xf, yf, order, s, Math.min(order.length, s + batch)));
            trainLoss[ep] = net.score(train, false);
            if (early) {
                valLoss[ep] = net.score(val, false);
                valAcc[ep] = accuracy(net, val.getFeatures(), yv);
            }
            ran = ep + 1;
            if (!Double.isFinite(trainLoss[ep]))
                throw new IllegalStateException("Dl4jMlp diverged at epoch " + (ep + 1) + "; lower learning_rate_init");
            if (stopper.record(ep, trainLoss[ep], valAcc[ep]) && early) best = net.params().dup();
            if (stopper.stop()) break;
        }
        if (early && best != null) net.setParams(best);
        LossCurve curve = new LossCurve(NetTraining.slice(trainLoss, ran), early ? NetTraining.slice(valLoss, ran) : null,
                early ? NetTraining.slice(valAcc, ran) : null, stopper.bestEpoch());
        return new Engine(net, k, curve);
    }

    private org.deeplearning4j.nn.conf.MultiLayerConfiguration config(int d, int k, int batch, int seed) {
        IUpdater updater = switch (stringParam("solver")) {
            case "sgd" -> new Sgd(realParam("learning_rate_init"));
            case "nesterovs" -> new Nesterovs(realParam("learning_rate_init"), realParam("momentum"));
            default -> new Adam(realParam("learning_rate_init"), realParam("beta_1"), realParam("beta_2"), realParam("epsilon"));
        };
        var list = new NeuralNetConfiguration.Builder()
                .seed(nd4jSeed(seed))
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .l2(realParam("alpha") / batch)
                .list();
        int in = d;
        double dropout = realParam("dropout");
        for (int h : intsParam("hidden_layer_sizes")) {
            list.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.RELU).build());
            if (dropout > 0) list.layer(new DropoutLayer.Builder(new Dropout(1.0 - dropout)).nIn(h).nOut(h).build());
            in = h;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(k).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    /**
     * ND4J treats seed 0 as "no seed" (a time-based one), so {@code random_state} is mixed
     * (SplitMix64) into a seed that is never 0.
     */
    static long nd4jSeed(int randomState) {
        long z = randomState + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return z == 0 ? 1 : z;
    }

    static INDArray features(double[][] x) {
        return Nd4j.create(floats(x));
    }

    /** The rows as float32 (the values DL4J computes with; the same rounding as ND4J's cast). */
    static float[][] floats(double[][] x) {
        float[][] f = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            f[i] = new float[x[i].length];
            for (int j = 0; j < f[i].length; j++) f[i][j] = (float) x[i][j];
        }
        return f;
    }

    static float[][] oneHot(int[] y, int k) {
        float[][] f = new float[y.length][k];
        for (int i = 0; i < y.length; i++) f[i][y[i]] = 1f;
        return f;
    }

    static DataSet dataSet(double[][] x, int[] y, int k) {
        return new DataSet(features(x), Nd4j.create(oneHot(y, k)));
    }

    /**
     * The mini-batch of rows {@code order[from..to)}, built on the Java side: two array transfers
     * instead of a native row copy per row ({@code DataSet.get(int[])}); the same values in the
     * same order.
     */
    static DataSet batch(float[][] x, float[][] y, int[] order, int from, int to) {
        float[][] bx = new float[to - from][], by = new float[to - from][];
        for (int r = from; r < to; r++) {
            bx[r - from] = x[order[r]];
            by[r - from] = y[order[r]];
        }
        return new DataSet(Nd4j.create(bx), Nd4j.create(by));
    }

    /** Accuracy of the network's outputs, arg max taken on the Java side (first maximum, as ND4J's). */
    static double accuracy(MultiLayerNetwork net, INDArray x, int[] y) {
        float[][] out = net.output(x, false).toFloatMatrix();
        int ok = 0;
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < out[i].length; c++) if (out[i][c] > out[i][best]) best = c;
            if (best == y[i]) ok++;
        }
        return ok / (double) y.length;
    }

    /** Fitted network (serialised with DL4J's {@code ModelSerializer}) and its loss curve. */
    private static final class Engine implements Classifier.ProbabilisticEngine {
        private static final long serialVersionUID = 1L;
        private final int k;
        private final LossCurve curve;
        private byte[] bytes;
        private transient MultiLayerNetwork net;

        Engine(MultiLayerNetwork net, int k, LossCurve curve) {
            this.net = net;
            this.k = k;
            this.curve = curve;
            try (ByteArrayOutputStream bos = new ByteArrayOutputStream()) {
                ModelSerializer.writeModel(net, bos, false);
                this.bytes = bos.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private synchronized MultiLayerNetwork net() {
            if (net == null) {
                Nd4jRuntime.init();
                try {
                    net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(bytes), false);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot restore the DL4J network", e);
                }
            }
            return net;
        }

        @Override
        public <T> java.util.Optional<T> capability(Class<T> type) {
            return type == LossCurve.class ? java.util.Optional.ofNullable(type.cast(curve)) : Classifier.ProbabilisticEngine.super.capability(type);
        }

        @Override
        public synchronized double[][] predictProba(double[][] x) {
            INDArray out = net().output(features(x), false);
            double[][] p = out.castTo(DataType.DOUBLE).toDoubleMatrix();
            if (p.length != x.length || p[0].length != k) throw new IllegalStateException("unexpected DL4J output shape");
            return p;
        }
    }
}
