/**
 * Random-convolution transforms for time-series classification and their linear classifiers.
 *
 * <ul>
 * <li>{@link emolab.timeseries.rocket.MiniRocket}: the 84 fixed length-9 kernels, dilations and
 *     quantile biases fitted as in the authors' reference code, ~10,000 PPV features (9,996);
 *     univariate and multivariate (random channel combinations); the C_alpha/C_gamma
 *     accumulation trick.</li>
 * <li>{@link emolab.timeseries.rocket.Rocket}: 10,000 random kernels, PPV and max → 20,000
 *     features; multivariate kernels read random channel subsets.</li>
 * <li>{@link emolab.timeseries.rocket.SeriesTransform} (what both are),
 *     {@link emolab.timeseries.rocket.SeriesSource} (series read one at a time, possibly built
 *     lazily) and {@link emolab.timeseries.rocket.ParallelTransform} (blocks of series in parallel
 *     on all cores; double or float32 rows; progress callback).</li>
 * <li>{@link emolab.timeseries.rocket.RidgeClassifierCV}: ridge one-vs-all ±1 classifier with α
 *     chosen by efficient leave-one-out ({@link emolab.timeseries.rocket.RidgeGcv}: Gram
 *     eigendecomposition when n ≤ p, SVD when n &gt; p), optional standardisation.
 *     {@link emolab.timeseries.rocket.LogisticClassifier}: Smile's multinomial logistic
 *     regression on standardised features.</li>
 * <li>{@link emolab.timeseries.rocket.MfccSeries}: a minimal 20-MFCC × 300-frame series builder;
 *     {@code emolab.bench.RocketEvaluation} (module bench) and
 *     {@code emolab.bench.RocketBenchmark} (module bench): accuracy and speed on real RAVDESS.</li>
 * </ul>
 *
 * <p>All randomness is seeded (same seed and data → identical features). Series must share one
 * length (clear error otherwise); series shorter than the kernel span are zero-padded at the end
 * (9 for MiniRocket as sktime does, 11 for ROCKET); NaN and infinite values are rejected.
 *
 * <pre>{@code
 * MiniRocket mr = MiniRocket.fit(trainSeries, MiniRocket.Options.defaults().withSeed(0));
 * double[][] ftr = mr.transform(trainSeries), fte = mr.transform(testSeries);
 * RidgeClassifierCV ridge = RidgeClassifierCV.fit(ftr, trainLabels,
 *         RidgeClassifierCV.Options.defaults().withStandardize(true));
 * int[] predicted = ridge.predict(fte);
 * }</pre>
 */
package emolab.timeseries.rocket;
