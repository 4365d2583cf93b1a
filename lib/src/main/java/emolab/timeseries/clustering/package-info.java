/**
 * Clustering series: Euclidean k-means (Smile), DTW k-means with DBA barycentres, k-medoids on a distance matrix, and the scores and report that compare clusterings with the emotion labels.
 */
package emolab.timeseries.clustering;
