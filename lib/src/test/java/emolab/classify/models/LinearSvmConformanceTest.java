package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import emolab.classify.Blobs;
import emolab.classify.Classifiers;
import emolab.classify.LabeledData;
import org.junit.jupiter.api.Test;

/**
 * {@code LinearSvm}'s dense solver ({@link DenseLinearSvc}) against LIBLINEAR 2.44 itself, and the
 * direct LIBLINEAR call against the Tribuo path the spec used before.
 *
 * <p>The direct call hands LIBLINEAR the problem Tribuo builds (features 1..d, bias feature d+1 =
 * 1, rows in order) and the same seeded generator, so its weights must be identical to the
 * Tribuo path's. The dense solver visits coordinates in another random order, so it is compared
 * at a tight tolerance (eps = 1e-10, where both reach the unique optimum of the strictly convex
 * primal): weights within 1e-6 of LIBLINEAR's (absolute, on weights of order 0.1–1).
 */
class LinearSvmConformanceTest {

    @Test
    void denseSolverReachesLiblinearsOptimum() {
        for (int k : new int[] {2, 5}) {
            LabeledData d = Blobs.make(k, 40, 7, 3, 1.2, 4, 31 + k);
            for (String loss : new String[] {"squared_hinge", "hinge"}) {
                for (double c : new double[] {0.01, 1.0}) {
                    LinearSvm spec = (LinearSvm) Classifiers.linearSvm().with("C", c).with("loss", loss).with("tol", 1e-10)
                            .with("max_iter", 1_000_000);
                    LinearSvm.Linear dense = spec.fitLinear(d.x(), d.y(), k), ref = spec.fitLiblinear(d.x(), d.y(), k);
                    for (int cl = 0; cl < k; cl++) {
                        assertArrayEquals(ref.w()[cl], dense.w()[cl], 1e-6, loss + " C=" + c + " class " + cl);
                        assertEquals(ref.b()[cl], dense.b()[cl], 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void directLiblinearEqualsTheTribuoPath() {
        for (int k : new int[] {2, 5}) {
            LabeledData d = Blobs.make(k, 40, 7, 3, 1.2, 4, 11 + k);
            for (String loss : new String[] {"squared_hinge", "hinge"}) {
                for (double c : new double[] {0.01, 1.0}) {
                    LinearSvm spec = (LinearSvm) Classifiers.linearSvm().with("C", c).with("loss", loss).with("random_state", 3);
                    LinearSvm.Linear direct = spec.fitLiblinear(d.x(), d.y(), k), tribuo = spec.fitTribuo(d.x(), d.y(), k);
                    for (int cl = 0; cl < k; cl++) {
                        assertArrayEquals(tribuo.w()[cl], direct.w()[cl], 0.0, loss + " C=" + c + " class " + cl);
                        assertEquals(tribuo.b()[cl], direct.b()[cl], 0.0);
                    }
                    assertArrayEquals(tribuo.predict(d.x()), direct.predict(d.x()));
                }
            }
        }
    }
}
