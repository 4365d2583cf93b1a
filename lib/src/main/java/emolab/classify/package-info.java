/**
 * Classification: one small API over Smile, Tribuo (LIBSVM, LIBLINEAR, XGBoost) and
 * DeepLearning4J, plus the course's speaker-independent evaluation protocol.
 *
 * <ul>
 * <li>{@link emolab.classify.ClassifierSpec}: a model family with named hyper-parameters
 *     (scikit-learn names; {@code with(name, value)}, unknown names are errors listing the valid
 *     ones) that {@code fit}s to a {@link emolab.classify.Classifier}: {@code predict},
 *     {@code predictProba}, feature importance, loss curve, {@code save}/{@code load}.</li>
 * <li>{@link emolab.classify.models.Classifiers}: the model zoo (see {@code emolab.classify.models}).</li>
 * <li>The data every model takes: {@link emolab.prep.LabeledData} (features, labels, actors) and
 *     {@link emolab.prep.PreparedData} (the prepared actor split), both in {@code emolab.prep}.</li>
 * <li>{@link emolab.classify.tune.Protocol}: leave-actors-out CV on the training actors, then one test
 *     on the held-out actors; comparison tables.</li>
 * <li>{@link emolab.classify.models.ReferenceFigures}, {@code emolab.bench.ClassifierBenchmark} (module bench):
 *     scikit-learn 1.2.1 reference accuracies and fit times, and the benchmark against them.</li>
 * </ul>
 *
 * Model selection (grouped grid/random search, RFE/RFECV, permutation importance) is in
 * {@code emolab.classify.tune}; metrics in {@code emolab.classify.eval}.
 */
package emolab.classify;
