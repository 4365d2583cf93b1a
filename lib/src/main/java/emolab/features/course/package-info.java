/**
 * The course's raw RAVDESS feature table ({@code raw_features_*.csv}) reproduced from audio:
 * {@link emolab.features.course.CourseFeatures} (a {@link emolab.features.FeatureSet}) and a
 * throughput benchmark, {@link emolab.features.course.CourseFeaturesBenchmark}.
 */
package emolab.features.course;
