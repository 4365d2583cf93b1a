/**
 * Feature preparation for the RAVDESS course tables, fitted on train only.
 *
 * <ul>
 * <li>{@link emolab.prep.Preparation} / {@link emolab.prep.PreparationModel}: drop constant
 *     columns, drop duplicate train rows, drop correlated columns (pandas upper-triangle rule),
 *     cube root, standard scaling.</li>
 * <li>{@link emolab.prep.Correlation}: pandas-style Pearson matrix and the drop rule.</li>
 * <li>{@link emolab.prep.ActorSplit}, {@link emolab.prep.GroupKFold}: speaker-independent
 *     splits and actor-grouped folds.</li>
 * <li>{@link emolab.prep.Tables}, {@link emolab.prep.Csv}: table/array conversion and an exact
 *     CSV reader.</li>
 * </ul>
 */
package emolab.prep;
