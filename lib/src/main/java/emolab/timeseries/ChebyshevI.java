package emolab.timeseries;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Digital Chebyshev type I low-pass design, step for step as SciPy 1.10's
 * {@code cheby1(order, rp, wn, output='sos')}: analog prototype ({@code cheb1ap}), pre-warped
 * low-pass scaling ({@code lp2lp_zpk}), bilinear transform ({@code bilinear_zpk}, fs = 2) and
 * SciPy's {@code zpk2sos} with the digital default pairing {@code 'nearest'} (the pole closest to
 * the unit circle goes into the last section, each pole paired with its nearest zeros; the gain
 * goes into the first section).
 */
public final class ChebyshevI {
    private static final double CPLX_TOL = 100 * Math.ulp(1.0);

    private ChebyshevI() {}

    /**
     * {@code scipy.signal.cheby1(order, rippleDb, wn, output='sos')} for a digital low-pass.
     *
     * @param order    filter order, at least 1
     * @param rippleDb pass-band ripple in dB, &gt; 0
     * @param wn       cut-off as a fraction of the Nyquist frequency, in (0, 1)
     */
    public static SosFilter lowpass(int order, double rippleDb, double wn) {
        if (order < 1) throw new IllegalArgumentException("order must be >= 1, got " + order);
        if (!(rippleDb > 0) || !Double.isFinite(rippleDb))
            throw new IllegalArgumentException("rippleDb must be a positive number, got " + rippleDb);
        if (!(wn > 0 && wn < 1))
            throw new IllegalArgumentException("wn (cut-off / Nyquist) must be in (0, 1), got " + wn);
        // cheb1ap
        double eps = Math.sqrt(Math.pow(10, 0.1 * rippleDb) - 1.0);
        double mu = 1.0 / order * asinh(1 / eps);
        List<Complex> p = new ArrayList<>();
        for (int m = -order + 1; m < order; m += 2) {
            double theta = Math.PI * m / (2 * order);
            // -sinh(mu + i theta) = -(sinh mu cos theta + i cosh mu sin theta)
            p.add(new Complex(-(Math.sinh(mu) * Math.cos(theta)), -(Math.cosh(mu) * Math.sin(theta))));
        }
        Complex prod = null;
        for (Complex pi : p) prod = prod == null ? pi.negate() : prod.times(pi.negate());
        double k = prod.re();
        if (order % 2 == 0) k = k / Math.sqrt(1 + eps * eps);
        // pre-warp (fs = 2) and lp2lp_zpk
        double fs = 2.0;
        double warped = 2 * fs * Math.tan(Math.PI * wn / fs);
        for (int i = 0; i < p.size(); i++) p.set(i, p.get(i).times(warped));
        k = k * Math.pow(warped, order);
        // bilinear_zpk with fs = 2: no finite analog zeros, so `order` zeros at z = -1
        double fs2 = 2.0 * fs;
        Complex f = Complex.real(fs2);
        List<Complex> pz = new ArrayList<>();
        Complex den = null;
        for (Complex pi : p) {
            pz.add(f.plus(pi).div(f.minus(pi)));
            den = den == null ? f.minus(pi) : den.times(f.minus(pi));
        }
        List<Complex> zz = new ArrayList<>();
        for (int i = 0; i < order; i++) zz.add(Complex.real(-1));
        double kz = k * Complex.ONE.div(den).re();
        return new SosFilter(zpk2sos(zz, pz, kz));
    }

    /** SciPy's {@code zpk2sos(z, p, k, pairing='nearest')} for a digital filter. */
    static double[][] zpk2sos(List<Complex> z0, List<Complex> p0, double k) {
        List<Complex> z = new ArrayList<>(z0);
        List<Complex> p = new ArrayList<>(p0);
        if (z.isEmpty() && p.isEmpty()) return new double[][]{{k, 0, 0, 1, 0, 0}};
        while (p.size() < z.size()) p.add(Complex.real(0));
        while (z.size() < p.size()) z.add(Complex.real(0));
        int nSections = (Math.max(p.size(), z.size()) + 1) / 2;
        if (p.size() % 2 == 1) {
            p.add(Complex.real(0));
            z.add(Complex.real(0));
        }
        z = cplxreal(z);
        p = cplxreal(p);
        double[][] sos = new double[nSections][];
        for (int si = nSections - 1; si >= 0; si--) {
            int p1Idx = idxWorst(p);
            Complex p1 = p.remove(p1Idx);
            long realPoles = p.stream().filter(Complex::isReal).count();
            if (p1.isReal() && realPoles == 0) {
                int z1Idx = nearest(z, p1, Which.REAL);
                Complex z1 = z.remove(z1Idx);
                sos[si] = singleSection(List.of(z1, Complex.real(0)), List.of(p1, Complex.real(0)));
            } else if (p.size() + 1 == z.size() && !p1.isReal() && realPoles == 1
                    && z.stream().filter(Complex::isReal).count() == 1) {
                int z1Idx = nearest(z, p1, Which.COMPLEX);
                Complex z1 = z.remove(z1Idx);
                sos[si] = singleSection(List.of(z1, z1.conj()), List.of(p1, p1.conj()));
            } else {
                Complex p2;
                if (p1.isReal()) {
                    int best = -1;
                    double bestV = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < p.size(); i++) {
                        if (!p.get(i).isReal()) continue;
                        double v = Math.abs(1 - p.get(i).abs());
                        if (v < bestV) { bestV = v; best = i; }
                    }
                    p2 = p.remove(best);
                } else {
                    p2 = p1.conj();
                }
                if (!z.isEmpty()) {
                    Complex z1 = z.remove(nearest(z, p1, Which.ANY));
                    if (!z1.isReal()) {
                        sos[si] = singleSection(List.of(z1, z1.conj()), List.of(p1, p2));
                    } else if (!z.isEmpty()) {
                        Complex z2 = z.remove(nearest(z, p1, Which.REAL));
                        sos[si] = singleSection(List.of(z1, z2), List.of(p1, p2));
                    } else {
                        sos[si] = singleSection(List.of(z1), List.of(p1, p2));
                    }
                } else {
                    sos[si] = singleSection(List.of(), List.of(p1, p2));
                }
            }
        }
        for (int j = 0; j < 3; j++) sos[0][j] *= k;
        return sos;
    }

    private enum Which { REAL, COMPLEX, ANY }

    private static int idxWorst(List<Complex> p) {
        int best = 0;
        double bestV = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            double v = Math.abs(1 - p.get(i).abs());
            if (v < bestV) { bestV = v; best = i; }
        }
        return best;
    }

    private static int nearest(List<Complex> fro, Complex to, Which which) {
        Integer[] order = new Integer[fro.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> fro.get(i).minus(to).abs()));
        for (int i : order) {
            boolean real = fro.get(i).isReal();
            if (which == Which.ANY || (which == Which.REAL) == real) return i;
        }
        throw new IllegalStateException("no " + which.name().toLowerCase(java.util.Locale.ROOT) + " zero left to pair");
    }

    /** SciPy's {@code _cplxreal}: one member of each conjugate pair (averaged, sorted by real part), then the reals. */
    static List<Complex> cplxreal(List<Complex> zIn) {
        List<Complex> z = new ArrayList<>(zIn);
        z.sort(Comparator.comparingDouble(Complex::re).thenComparingDouble(c -> Math.abs(c.im())));
        List<Complex> real = new ArrayList<>();
        List<Complex> zp = new ArrayList<>();
        List<Complex> zn = new ArrayList<>();
        for (Complex c : z) {
            if (Math.abs(c.im()) <= CPLX_TOL * c.abs()) real.add(Complex.real(c.re()));
            else if (c.im() > 0) zp.add(c);
            else zn.add(c);
        }
        if (zp.size() != zn.size())
            throw new IllegalArgumentException("roots contain a complex value with no matching conjugate");
        // runs of (nearly) equal real parts are sorted by |imag|
        int start = 0;
        for (int i = 1; i <= zp.size(); i++) {
            boolean same = i < zp.size() && zp.get(i).re() - zp.get(i - 1).re() <= CPLX_TOL * zp.get(i - 1).abs();
            if (!same) {
                if (i - start > 1) {
                    zp.subList(start, i).sort(Comparator.comparingDouble(c -> Math.abs(c.im())));
                    zn.subList(start, i).sort(Comparator.comparingDouble(c -> Math.abs(c.im())));
                }
                start = i;
            }
        }
        List<Complex> out = new ArrayList<>();
        for (int i = 0; i < zp.size(); i++) {
            Complex a = zp.get(i), b = zn.get(i).conj();
            if (a.minus(b).abs() > CPLX_TOL * zn.get(i).abs())
                throw new IllegalArgumentException("roots contain a complex value with no matching conjugate");
            out.add(new Complex((a.re() + b.re()) / 2, (a.im() + b.im()) / 2));
        }
        out.addAll(real);
        return out;
    }

    /** {@code _single_zpksos(z, p, 1)}: b and a right-aligned in a 6-vector. */
    private static double[] singleSection(List<Complex> z, List<Complex> p) {
        double[] sos = new double[6];
        double[] b = poly(z);
        double[] a = poly(p);
        System.arraycopy(b, 0, sos, 3 - b.length, b.length);
        System.arraycopy(a, 0, sos, 6 - a.length, a.length);
        return sos;
    }

    /** {@code numpy.poly} of conjugate-closed roots: the real coefficients, leading 1. */
    static double[] poly(List<Complex> roots) {
        Complex[] a = {Complex.ONE};
        for (Complex r : roots) {
            Complex[] next = new Complex[a.length + 1];
            Complex mr = r.negate();
            next[0] = a[0];
            for (int j = 1; j < a.length; j++) next[j] = a[j - 1].times(mr).plus(a[j]);
            next[a.length] = a[a.length - 1].times(mr);
            a = next;
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) out[i] = a[i].re();
        return out;
    }

    /** Inverse hyperbolic sine, accurate for all finite x. */
    static double asinh(double x) {
        double ax = Math.abs(x);
        double r = ax > 1e8 ? Math.log(ax) + Math.log(2) : Math.log1p(ax + ax * ax / (1 + Math.sqrt(1 + ax * ax)));
        return Math.copySign(r, x);
    }
}
