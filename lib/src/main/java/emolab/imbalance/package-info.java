/**
 * Imbalanced learning: the imbalanced-learn 0.10 samplers in Java, and leak-free pipelines.
 *
 * <ul>
 * <li>{@link emolab.imbalance.Sampler} ({@code fitResample}) returning a
 *     {@link emolab.imbalance.Resampled} (rows, labels, source row of each row or −1 for a
 *     generated one); {@link emolab.imbalance.SamplingStrategy} (auto, minority, majority, not
 *     minority, not majority, all, per-class counts, ratio, classes to clean).</li>
 * <li>Over-sampling: {@link emolab.imbalance.RandomOverSampler}, {@link emolab.imbalance.SMOTE},
 *     {@link emolab.imbalance.BorderlineSMOTE}, {@link emolab.imbalance.SVMSMOTE},
 *     {@link emolab.imbalance.ADASYN}, {@link emolab.imbalance.KMeansSMOTE}.</li>
 * <li>Under-sampling and cleaning: {@link emolab.imbalance.RandomUnderSampler},
 *     {@link emolab.imbalance.NearMiss}, {@link emolab.imbalance.TomekLinks},
 *     {@link emolab.imbalance.EditedNearestNeighbours},
 *     {@link emolab.imbalance.RepeatedEditedNearestNeighbours}, {@link emolab.imbalance.AllKNN},
 *     {@link emolab.imbalance.CondensedNearestNeighbour}, {@link emolab.imbalance.OneSidedSelection},
 *     {@link emolab.imbalance.NeighbourhoodCleaningRule}, {@link emolab.imbalance.ClusterCentroids},
 *     {@link emolab.imbalance.InstanceHardnessThreshold}.</li>
 * <li>Combined: {@link emolab.imbalance.SMOTEENN}, {@link emolab.imbalance.SMOTETomek}.</li>
 * <li>{@link emolab.numeric.Neighbours}: exact Euclidean k-NN ordered by (distance, row index);
 *     {@link emolab.numeric.NumpyRandomState}: numpy's legacy {@code RandomState}, so a seed
 *     draws what imbalanced-learn draws with the same {@code random_state}.</li>
 * <li>{@link emolab.imbalance.ImbalancedPipeline} (sampler → scaler → classifier, re-sampling only
 *     training rows, also inside cross-validation folds) over any {@code emolab.classify.ClassifierSpec}
 *     ({@link emolab.imbalance.ExactKnn}: scikit-learn's uniform-vote k-NN;
 *     {@link emolab.classify.LabelledModel}: a classifier on arbitrary integer labels) and
 *     {@link emolab.imbalance.ResamplingStudy} (held-out or grouped-CV comparison tables).</li>
 * </ul>
 *
 * <p>Conformance with imbalanced-learn 0.10 is tested on {@code ../shared/conformance/imbalanced};
 * each class comment states where the behaviour deliberately differs.
 */
package emolab.imbalance;

import emolab.classify.LabelledModel;

