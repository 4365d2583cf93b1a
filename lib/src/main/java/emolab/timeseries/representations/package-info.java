/**
 * Representations of a series: piecewise aggregate approximation ({@link emolab.timeseries.representations.Paa}), SAX with its normal breakpoints, the truncated DFT, moment features and the course's summary statistics.
 */
package emolab.timeseries.representations;
