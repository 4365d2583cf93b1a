package emolab.numeric;

/**
 * A port of numpy's legacy {@code numpy.random.RandomState} (MT19937) for the draws that
 * imbalanced-learn 0.10 makes: {@code randint}, {@code random_sample}/{@code uniform},
 * {@code standard_normal}, {@code beta}, {@code permutation} and {@code choice}. Seeded with an
 * integer it produces exactly the numbers {@code RandomState(seed)} produces (numpy 1.24), so a
 * sampler given {@code seed(s)} draws what imbalanced-learn draws with {@code random_state=s}.
 *
 * <p>Not thread-safe; one instance per sampling run.
 */
public final class NumpyRandomState {
    private static final int N = 624, M = 397;
    private final int[] mt = new int[N];
    private int mti;
    private boolean hasGauss;
    private double gauss;

    /**
     * {@code RandomState(seed)}: MT19937 {@code init_genrand(seed)}.
     *
     * @throws IllegalArgumentException unless {@code 0 <= seed < 2^32} (numpy's rule)
     */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL)
            throw new IllegalArgumentException("seed must be between 0 and 2**32 - 1, got " + seed);
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        mti = N;
    }

    /** The next raw 32-bit output (genrand_int32), as an unsigned value. */
    public long nextUint32() {
        if (mti >= N) generate();
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void generate() {
        final int upper = 0x80000000, lower = 0x7fffffff, matrixA = 0x9908b0df;
        int kk = 0, y;
        for (; kk < N - M; kk++) {
            y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + M] ^ (y >>> 1) ^ ((y & 1) != 0 ? matrixA : 0);
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & upper) | (mt[kk + 1] & lower);
            mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ ((y & 1) != 0 ? matrixA : 0);
        }
        y = (mt[N - 1] & upper) | (mt[0] & lower);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ ((y & 1) != 0 ? matrixA : 0);
        mti = 0;
    }

    private long nextUint64() {
        return (nextUint32() << 32) | nextUint32();
    }

    /** {@code random_sample()}: a double in [0, 1) with 53 random bits. */
    public double randomSample() {
        long a = nextUint32() >>> 5, b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code uniform(low, high)} = low + (high − low)·random_sample(). */
    public double uniform(double low, double high) {
        return low + (high - low) * randomSample();
    }

    /** {@code randint(low, high)}: uniform in [low, high), masked rejection sampling as numpy. */
    public long randint(long low, long high) {
        if (high <= low) throw new IllegalArgumentException("randint: low >= high (" + low + ", " + high + ")");
        return low + bounded(high - low - 1);
    }

    /** {@code randint(low, high, size)}. */
    public long[] randint(long low, long high, int size) {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) out[i] = randint(low, high);
        return out;
    }

    /** Uniform in [0, rng] (numpy {@code random_bounded_uint64} with masking). */
    private long bounded(long rng) {
        if (rng == 0) return 0;
        long mask = rng;
        mask |= mask >>> 1; mask |= mask >>> 2; mask |= mask >>> 4;
        mask |= mask >>> 8; mask |= mask >>> 16; mask |= mask >>> 32;
        long v;
        if (rng <= 0xFFFFFFFFL) {
            if (rng == 0xFFFFFFFFL) return nextUint32();
            while ((v = nextUint32() & mask) > rng) { /* reject */ }
        } else {
            while (Long.compareUnsigned(v = nextUint64() & mask, rng) > 0) { /* reject */ }
        }
        return v;
    }

    /** numpy's {@code random_interval(max)}: uniform in [0, max], used by shuffle. */
    private long interval(long max) {
        return bounded(max);
    }

    /** {@code standard_normal()}: the legacy polar Box–Muller with its cached second value. */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double t = gauss;
            gauss = 0;
            return t;
        }
        double f, x1, x2, r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code standard_exponential()} (legacy: −log(1 − U)). */
    private double standardExponential() {
        return -Math.log(1.0 - randomSample());
    }

    /** {@code standard_gamma(shape)} (legacy Marsaglia–Tsang). */
    public double standardGamma(double shape) {
        if (shape == 1.0) return standardExponential();
        if (shape == 0.0) return 0.0;
        if (shape < 1.0) {
            for (;;) {
                double u = randomSample(), v = standardExponential();
                if (u <= 1.0 - shape) {
                    double x = Math.pow(u, 1. / shape);
                    if (x <= v) return x;
                } else {
                    double y = -Math.log((1 - u) / shape);
                    double x = Math.pow(1.0 - shape + shape * y, 1. / shape);
                    if (x <= (v + y)) return x;
                }
            }
        }
        double b = shape - 1. / 3., c = 1. / Math.sqrt(9 * b);
        for (;;) {
            double x, v;
            do {
                x = standardNormal();
                v = 1.0 + c * x;
            } while (v <= 0.0);
            v = v * v * v;
            double u = randomSample();
            if (u < 1.0 - 0.0331 * (x * x) * (x * x)) return b * v;
            if (Math.log(u) < 0.5 * x * x + b * (1. - v + Math.log(v))) return b * v;
        }
    }

    /** {@code beta(a, b)} (legacy: Jöhnk for a, b ≤ 1, otherwise a ratio of gammas). */
    public double beta(double a, double b) {
        if (!(a > 0 && b > 0)) throw new IllegalArgumentException("beta: a and b must be > 0, got " + a + ", " + b);
        if (a <= 1.0 && b <= 1.0) {
            for (;;) {
                double u = randomSample(), v = randomSample();
                double x = Math.pow(u, 1.0 / a), y = Math.pow(v, 1.0 / b);
                if (x + y <= 1.0) {
                    if (x + y > 0) return x / (x + y);
                    double logX = Math.log(u) / a, logY = Math.log(v) / b;
                    double logM = Math.max(logX, logY);
                    logX -= logM;
                    logY -= logM;
                    return Math.exp(logX - Math.log(Math.exp(logX) + Math.exp(logY)));
                }
            }
        }
        double ga = standardGamma(a), gb = standardGamma(b);
        return ga / (ga + gb);
    }

    /** {@code shuffle(x)} in place (legacy Fisher–Yates from the end). */
    public void shuffle(int[] x) {
        for (int i = x.length - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }

    /** {@code permutation(n)}. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }

    /**
     * {@code choice(n, size, replace)} without probabilities: with replacement
     * {@code randint(0, n, size)}, without {@code permutation(n)[:size]}.
     */
    public int[] choice(int n, int size, boolean replace) {
        if (n <= 0) throw new IllegalArgumentException("choice: population must be non-empty, got " + n);
        if (replace) {
            int[] out = new int[size];
            for (int i = 0; i < size; i++) out[i] = (int) randint(0, n);
            return out;
        }
        if (size > n)
            throw new IllegalArgumentException("choice: cannot take a larger sample (" + size + ") than population (" + n + ") without replacement");
        int[] p = permutation(n);
        int[] out = new int[size];
        System.arraycopy(p, 0, out, 0, size);
        return out;
    }
}
