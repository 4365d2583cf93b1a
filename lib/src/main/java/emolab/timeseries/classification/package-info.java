/**
 * Classifying series: 1-nearest-neighbour under DTW or Euclidean distance, a random forest on series features, and the scores and comparison tables of the stage-6 notebook (methods that cannot run become {@code not applicable} rows).
 */
package emolab.timeseries.classification;
