package emolab.classify.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import emolab.classify.Blobs;
import emolab.prep.LabeledData;
import org.junit.jupiter.api.Test;

/**
 * {@code LinearSvm}'s dense solver ({@link DenseLinearSvc}) against LIBLINEAR 2.44 itself, and the
 * direct LIBLINEAR call against the Tribuo path the spec used before.
 *
 * <p>The direct call hands LIBLINEAR the problem Tribuo builds (features 1..d, bias feature d+1 =
 * 1, rows in order) and the same seeded generator, so its weights must be identical to the
 * Tribuo path's. The dense solver visits coordinates in another random order, so it is compared
 * on the optimisation itself at a tight tolerance (eps = 1e-10): its primal objective
 * ½‖w‖² + C Σ loss (bias included in w, as LIBLINEAR regularises it) must be at least as low as
 * LIBLINEAR's (within 1e-9 relative), and with the squared hinge, where LIBLINEAR converges
 * within its iteration cap, the weights must agree within 1e-6 (the optimum is unique). With
 * the plain hinge LIBLINEAR's Java port can stop at its own iteration cap before the optimum,
 * so only the objective is compared there.
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
                    boolean squared = loss.equals("squared_hinge");
                    for (int cl = 0; cl < (k == 2 ? 1 : k); cl++) {
                        double fd = primal(dense, cl, d, c, squared), fr = primal(ref, cl, d, c, squared);
                        System.out.printf(java.util.Locale.ROOT, "k=%d %s C=%s class %d: primal dense %.12g, LIBLINEAR %.12g%n", k, loss, c, cl, fd, fr);
                        assertTrue(fd <= fr * (1 + 1e-9), loss + " C=" + c + " class " + cl + ": dense objective " + fd + " above LIBLINEAR's " + fr);
                        if (squared) {
                            assertArrayEquals(ref.w()[cl], dense.w()[cl], 1e-6, loss + " C=" + c + " class " + cl);
                            assertEquals(ref.b()[cl], dense.b()[cl], 1e-6);
                        }
                    }
                }
            }
        }
    }

    /** ½‖(w, b)‖² + C Σ_i loss(1 − y_i (w·x_i + b)) of class {@code cl} against the rest. */
    private static double primal(LinearSvm.Linear m, int cl, LabeledData d, double c, boolean squared) {
        double[] w = m.w()[cl];
        double b = m.b()[cl], f = b * b;
        for (double v : w) f += v * v;
        f /= 2;
        for (int i = 0; i < d.size(); i++) {
            double s = b;
            for (int j = 0; j < w.length; j++) s += w[j] * d.x()[i][j];
            double z = Math.max(0, 1 - (d.y()[i] == cl ? 1 : -1) * s);
            f += c * (squared ? z * z : z);
        }
        return f;
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
