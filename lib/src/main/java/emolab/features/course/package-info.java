/**
 * The course's raw RAVDESS feature table ({@code raw_features_*.csv}) reproduced from audio:
 * {@link emolab.features.course.CourseFeatures} (a {@link emolab.features.FeatureSet}) and a
 * throughput benchmark, {@code emolab.bench.CourseFeaturesBenchmark} (module bench).
 */
package emolab.features.course;
