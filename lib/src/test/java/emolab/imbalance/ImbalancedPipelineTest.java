package emolab.imbalance;

import emolab.classify.Classifier;
import emolab.classify.ClassifierSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import emolab.prep.GroupKFold;

/**
 * {@link ImbalancedPipeline} never lets test rows reach the sampler, the scaler's fit or the
 * classifier's training data, and never re-samples them. A recording sampler and a recording
 * learner capture exactly what each stage receives; the check is shown to fail on a leaky
 * protocol (re-sampling before the split).
 */
class ImbalancedPipelineTest {
    static final int N = 150;
    static final double[][] X = new double[N][4];
    static final int[] y = new int[N], actors = new int[N];

    static {
        Random r = new Random(11);
        for (int i = 0; i < N; i++) {
            actors[i] = 1 + i % 6;
            y[i] = i % 10 == 0 ? 1 : 0; // 15 minority rows, spread over the actors
            for (int j = 0; j < 4; j++) X[i][j] = r.nextGaussian() * (j + 1) + (y[i] == 1 ? 1.5 : 0) + 3;
        }
    }

    /** Records the row objects it receives. */
    static final class RecordingSampler implements Sampler {
        final Sampler inner;
        final List<double[][]> inputs = new ArrayList<>();
        final List<Resampled> outputs = new ArrayList<>();

        RecordingSampler(Sampler inner) { this.inner = inner; }

        @Override public Resampled fitResample(double[][] Xs, int[] ys) {
            inputs.add(Xs);
            Resampled r = inner.fitResample(Xs, ys);
            outputs.add(r);
            return r;
        }
    }

    /** Records the rows the model is fitted on and asked about. */
    static final class RecordingLearner extends ClassifierSpec {
        final ClassifierSpec inner = ExactKnn.of(3);
        final List<double[][]> fitted = new ArrayList<>();
        final List<double[][]> queried = new ArrayList<>();

        RecordingLearner() {
            super("Recording", List.of());
        }

        @Override protected Classifier.Engine train(double[][] Xs, int[] ys, int k) {
            fitted.add(Xs);
            Classifier m = inner.fit(Xs, ys, java.util.stream.IntStream.range(0, k).mapToObj(String::valueOf).toArray(String[]::new));
            return (Classifier.ProbabilisticEngine) Q -> {
                if (queried.isEmpty() || queried.get(queried.size() - 1) != Q) queried.add(Q); // predict() asks again with the same array
                return m.predictProba(Q);
            };
        }
    }

    private static double[][] standardise(double[][] rows, double[][] fitRows) {
        int d = fitRows[0].length;
        double[] mean = new double[d], sd = new double[d];
        for (double[] r : fitRows) for (int j = 0; j < d; j++) mean[j] += r[j] / fitRows.length;
        for (double[] r : fitRows) for (int j = 0; j < d; j++) sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / fitRows.length;
        double[][] out = new double[rows.length][d];
        for (int i = 0; i < rows.length; i++) for (int j = 0; j < d; j++) out[i][j] = (rows[i][j] - mean[j]) / Math.sqrt(sd[j]);
        return out;
    }

    private static boolean close(double[][] a, double[][] b) {
        if (a.length != b.length) return false;
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) if (Math.abs(a[i][j] - b[i][j]) > 1e-9) return false;
        return true;
    }

    /**
     * The leak check for one fold: the sampler got exactly the fold's training rows (the same row
     * objects, none of the test rows); the learner was fitted on the sampler's output scaled with
     * statistics of that output only; and it was asked about exactly the test rows, once each, in
     * order, scaled with the same training statistics (so they were not re-sampled).
     */
    static boolean foldIsClean(GroupKFold.Fold f, double[][] samplerInput, Resampled samplerOutput, double[][] learnerFit,
                               double[][] learnerQuery) {
        Set<double[]> test = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i : f.testRows()) test.add(X[i]);
        for (double[] r : samplerInput) if (test.contains(r)) return false;
        int[] tr = f.trainRows();
        if (samplerInput.length != tr.length) return false;
        for (int i = 0; i < tr.length; i++) if (samplerInput[i] != X[tr[i]]) return false;
        for (int s : samplerOutput.sampleIndices()) if (s >= 0 && test.contains(samplerInput[s])) return false;
        if (!close(learnerFit, standardise(samplerOutput.X(), samplerOutput.X()))) return false;
        return close(learnerQuery, standardise(Classes.rows(X, f.testRows()), samplerOutput.X()));
    }

    @Test
    void crossValidationNeverTouchesTestRows() {
        for (Sampler inner : new Sampler[] {new SMOTE().kNeighbors(3).seed(1), new RandomUnderSampler().seed(2),
                new EditedNearestNeighbours(), new SMOTEENN(new SMOTE().kNeighbors(3).seed(3), new EditedNearestNeighbours().strategy(SamplingStrategy.all()))}) {
            RecordingSampler rs = new RecordingSampler(inner);
            RecordingLearner rl = new RecordingLearner();
            List<GroupKFold.Fold> folds = GroupKFold.leaveActorsOut(actors, 3);
            ImbalancedPipeline.CrossValidated cv = ImbalancedPipeline.of(rs, rl).crossValidate(X, y, folds, new int[] {0, 1});
            assertEquals(3, rs.inputs.size());
            assertEquals(3, rl.fitted.size());
            assertEquals(3, rl.queried.size());
            for (int k = 0; k < 3; k++)
                assertTrue(foldIsClean(folds.get(k), rs.inputs.get(k), rs.outputs.get(k), rl.fitted.get(k), rl.queried.get(k)),
                        inner + " fold " + k);
            for (int i = 0; i < N; i++) assertTrue(cv.predictions()[i] == 0 || cv.predictions()[i] == 1);
        }
    }

    @Test
    void finalFitResamplesOnlyTheTrainingRows() {
        RecordingSampler rs = new RecordingSampler(new SMOTE().kNeighbors(3).seed(5));
        RecordingLearner rl = new RecordingLearner();
        int[] train = java.util.stream.IntStream.range(0, N).filter(i -> actors[i] <= 4).toArray();
        int[] test = java.util.stream.IntStream.range(0, N).filter(i -> actors[i] > 4).toArray();
        ImbalancedPipeline.Fitted m = ImbalancedPipeline.of(rs, rl).fit(Classes.rows(X, train), Classes.pick(y, train));
        int[] pred = m.predict(Classes.rows(X, test));
        assertEquals(test.length, pred.length);
        GroupKFold.Fold asFold = new GroupKFold.Fold(0, train, test, Set.of(5, 6));
        assertTrue(foldIsClean(asFold, rs.inputs.get(0), rs.outputs.get(0), rl.fitted.get(0), rl.queried.get(0)));
        assertSame(rs.outputs.get(0), m.trainingSet());
        assertTrue(m.trainingSet().syntheticCount() > 0);
    }

    /** Negative control: re-sampling the whole table before splitting is caught by the same check. */
    @Test
    void theCheckCatchesResamplingBeforeTheSplit() {
        List<GroupKFold.Fold> folds = GroupKFold.leaveActorsOut(actors, 3);
        RecordingSampler rs = new RecordingSampler(new RandomUnderSampler().seed(2));
        Resampled leaky = rs.fitResample(X, y); // whole table, test rows included
        RecordingLearner rl = new RecordingLearner();
        ImbalancedPipeline.of(null, rl).fit(leaky.X(), leaky.y());
        rl.queried.add(standardise(Classes.rows(X, folds.get(0).testRows()), leaky.X()));
        assertFalse(foldIsClean(folds.get(0), rs.inputs.get(0), leaky, rl.fitted.get(0), rl.queried.get(0)));
        // and scaling fitted on all rows (test included) is caught too
        RecordingSampler ok = new RecordingSampler(new RandomUnderSampler().seed(2));
        double[][] trainX = Classes.rows(X, folds.get(0).trainRows());
        Resampled r = ok.fitResample(trainX, Classes.pick(y, folds.get(0).trainRows()));
        double[][] scaledWithTest = standardise(r.X(), X);
        assertFalse(foldIsClean(folds.get(0), ok.inputs.get(0), r, scaledWithTest,
                standardise(Classes.rows(X, folds.get(0).testRows()), r.X())));
    }

    @Test
    void noSamplerAndBadFolds() {
        ImbalancedPipeline p = ImbalancedPipeline.of(null, ExactKnn.of(1)).withoutScaler();
        ImbalancedPipeline.Fitted m = p.fit(X, y);
        assertArrayEquals(y, m.predict(X)); // 1-NN on its own training rows
        GroupKFold.Fold a = new GroupKFold.Fold(0, new int[] {0, 1, 2, 3, 4, 5}, new int[] {6, 7}, Set.of(1));
        GroupKFold.Fold b = new GroupKFold.Fold(1, new int[] {0, 1, 2, 3, 4, 5}, new int[] {7, 8}, Set.of(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.crossValidate(X, y, List.of(a, b), new int[] {0, 1}));
        assertTrue(e.getMessage().contains("row 7"));
    }
}
