/**
 * Time series of speech recordings (stage 6): building series, approximating them, comparing,
 * classifying and clustering them.
 *
 * <ul>
 *   <li>Series builders: {@link emolab.timeseries.CourseSeries} (the course's decimated, z-normalised,
 *       smoothed waveform, SciPy-exact via {@link emolab.timeseries.ChebyshevI},
 *       {@link emolab.timeseries.SosFilter}, {@link emolab.timeseries.Decimator},
 *       {@link emolab.timeseries.RollingMean}) and {@link emolab.timeseries.FrameSeries} (20 MFCCs,
 *       log energy and F0 per 10 ms frame) with {@link emolab.timeseries.ChannelScaler};
 *       {@link emolab.timeseries.Recordings} reads a corpus in parallel.</li>
 *   <li>Approximations: {@link emolab.timeseries.ZNormalization}, {@link emolab.timeseries.Paa}
 *       (tslearn, pyts and fractional conventions), {@link emolab.timeseries.Sax} with
 *       {@link emolab.timeseries.NormalQuantile}, {@link emolab.timeseries.DftApproximation}.</li>
 *   <li>Features: {@link emolab.timeseries.MomentFeatures}, {@link emolab.timeseries.SummaryStatistics}
 *       (the course's 13), classified by {@link emolab.timeseries.FeatureForest}.</li>
 *   <li>Distances and 1-NN: {@link emolab.timeseries.Dtw} (Sakoe–Chiba band, early abandoning),
 *       {@link emolab.timeseries.LbKeogh}, {@link emolab.timeseries.OneNearestNeighbor},
 *       {@link emolab.timeseries.DistanceMatrix}.</li>
 *   <li>Clustering: {@link emolab.timeseries.EuclideanKMeans} (Smile), {@link emolab.timeseries.TimeSeriesKMeans}
 *       with {@link emolab.timeseries.Dba}, {@link emolab.timeseries.KMedoids}, scored by
 *       {@link emolab.timeseries.ClusterScores} and {@link emolab.timeseries.ClusteringReport}.</li>
 *   <li>{@link emolab.timeseries.MatrixProfile} (STOMP): motifs and discords.</li>
 *   <li>Evaluation: {@link emolab.timeseries.ClassificationScores}, {@link emolab.timeseries.ComparisonTable},
 *       the program {@code emolab.bench.TimeSeriesEvaluation} (module bench). ROCKET and MiniRocket live in
 *       {@code emolab.timeseries.rocket}.</li>
 * </ul>
 *
 * <p>Bad input (NaN, unequal lengths where equal ones are needed, series too short for a method)
 * is rejected with an {@link java.lang.IllegalArgumentException} that names the series and index;
 * a constant series z-normalises to zeros.
 */
package emolab.timeseries;
