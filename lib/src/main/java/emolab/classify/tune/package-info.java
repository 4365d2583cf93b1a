/**
 * Model selection with actor-grouped folds (never row-wise or stratified-only folds, which put a
 * speaker on both sides): {@link emolab.classify.tune.CrossValidation},
 * {@link emolab.classify.tune.GridSearch} over a {@link emolab.classify.tune.ParamGrid},
 * {@link emolab.classify.tune.RandomSearch} over {@link emolab.classify.tune.ParamDistributions}
 * (both parallel, results in a {@link emolab.classify.tune.SearchResult} table),
 * {@link emolab.classify.tune.Rfe} / {@link emolab.classify.tune.RfeCv} with an
 * {@link emolab.classify.tune.ImportanceSource}, and
 * {@link emolab.classify.tune.PermutationImportance}.
 */
package emolab.classify.tune;
