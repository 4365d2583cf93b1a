/**
 * Time series of speech recordings (stage 6): building series, approximating them, comparing,
 * classifying and clustering them. This package holds the series and their builders; the
 * concepts live in sub-packages: {@code representations} (PAA, SAX, DFT, moments and summary
 * statistics), {@code distances} (DTW, LB_Keogh, distance matrices, the matrix profile),
 * {@code classification} (1-NN, feature forest, scores and comparison tables), {@code clustering}
 * (k-means, DBA, k-medoids, cluster scores) and {@code rocket} (ROCKET, MiniRocket, ridge).
 *
 * <ul>
 *   <li>Series builders: {@link emolab.timeseries.CourseSeries} (the course's decimated, z-normalised,
 *       smoothed waveform, SciPy-exact via {@link emolab.timeseries.ChebyshevI},
 *       {@link emolab.timeseries.SosFilter}, {@link emolab.timeseries.Decimator},
 *       {@link emolab.timeseries.RollingMean}) and {@link emolab.timeseries.FrameSeries} (20 MFCCs,
 *       log energy and F0 per 10 ms frame) with {@link emolab.timeseries.ChannelScaler};
 *       {@link emolab.timeseries.Recordings} reads a corpus in parallel.</li>
 *   <li>Approximations: {@link emolab.timeseries.ZNormalization}, {@link emolab.timeseries.representations.Paa}
 *       (tslearn, pyts and fractional conventions), {@link emolab.timeseries.representations.Sax} with
 *       {@link emolab.timeseries.representations.NormalQuantile}, {@link emolab.timeseries.representations.DftApproximation}.</li>
 *   <li>Features: {@link emolab.timeseries.representations.MomentFeatures}, {@link emolab.timeseries.representations.SummaryStatistics}
 *       (the course's 13), classified by {@link emolab.timeseries.classification.FeatureForest}.</li>
 *   <li>Distances and 1-NN: {@link emolab.timeseries.distances.Dtw} (Sakoe–Chiba band, early abandoning),
 *       {@link emolab.timeseries.distances.LbKeogh}, {@link emolab.timeseries.classification.OneNearestNeighbor},
 *       {@link emolab.timeseries.distances.DistanceMatrix}.</li>
 *   <li>Clustering: {@link emolab.timeseries.clustering.EuclideanKMeans} (Smile), {@link emolab.timeseries.clustering.TimeSeriesKMeans}
 *       with {@link emolab.timeseries.clustering.Dba}, {@link emolab.timeseries.clustering.KMedoids}, scored by
 *       {@link emolab.timeseries.clustering.ClusterScores} and {@link emolab.timeseries.clustering.ClusteringReport}.</li>
 *   <li>{@link emolab.timeseries.distances.MatrixProfile} (STOMP): motifs and discords.</li>
 *   <li>Evaluation: {@link emolab.timeseries.classification.ClassificationScores}, {@link emolab.timeseries.classification.ComparisonTable},
 *       the program {@code emolab.bench.TimeSeriesEvaluation} (module bench). ROCKET and MiniRocket live in
 *       {@code emolab.timeseries.rocket}.</li>
 * </ul>
 *
 * <p>Bad input (NaN, unequal lengths where equal ones are needed, series too short for a method)
 * is rejected with an {@link java.lang.IllegalArgumentException} that names the series and index;
 * a constant series z-normalises to zeros.
 */
package emolab.timeseries;
