/**
 * Feature preparation for the RAVDESS course tables, fitted on train only.
 *
 * <ul>
 * <li>{@link emolab.prep.PreparedData}: the one prepared-data type every stage takes (train and
 *     test {@link emolab.prep.LabeledData} with actors and source paths, the fitted preparation,
 *     the actor split), built in one call from a feature table or an extraction result;
 *     {@link emolab.prep.CourseTables}: the course's prepared tables as the same type;
 *     {@link emolab.prep.Checks}: input validation naming what is wrong.</li>
 * <li>{@link emolab.prep.Preparation} / {@link emolab.prep.PreparationModel}: drop constant
 *     columns, drop duplicate train rows, drop correlated columns (pandas upper-triangle rule),
 *     cube root, standard scaling.</li>
 * <li>The correlation rule uses {@code emolab.numeric.Correlation} (pandas-style Pearson matrix).</li>
 * <li>{@link emolab.prep.ActorSplit}, {@link emolab.prep.GroupKFold}: speaker-independent
 *     splits and actor-grouped folds.</li>
 * <li>{@link emolab.prep.Tables}, {@link emolab.prep.Csv}: table/array conversion and an exact
 *     CSV reader.</li>
 * </ul>
 */
package emolab.prep;
