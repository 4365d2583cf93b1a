/**
 * Distances between series: DTW with a Sakoe–Chiba band and early abandoning, the LB_Keogh lower bound, pairwise distance matrices and the STOMP matrix profile (motifs and discords).
 */
package emolab.timeseries.distances;
