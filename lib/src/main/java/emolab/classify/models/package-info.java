/**
 * The model families behind {@link emolab.classify.models.Classifiers}, each a
 * {@link emolab.classify.ClassifierSpec} wrapping a library model; each class's Javadoc states
 * how its hyper-parameters map to the library and to scikit-learn.
 *
 * <ul>
 * <li>Smile: {@link emolab.classify.models.DecisionTree}, {@link emolab.classify.models.RandomForest},
 *     {@link emolab.classify.models.AdaBoost} (SAMME), {@link emolab.classify.models.GradientBoosting},
 *     {@link emolab.classify.models.LogisticRegression}, {@link emolab.classify.models.KNearestNeighbors},
 *     {@link emolab.classify.models.SmileMlp}.</li>
 * <li>Tribuo: {@link emolab.classify.models.XGBoost}, {@link emolab.classify.models.LinearSvm}
 *     (LIBLINEAR), {@link emolab.classify.models.KernelSvm} (LIBSVM).</li>
 * <li>DeepLearning4J: {@link emolab.classify.models.Dl4jMlp} (Keras-style, early stopping, loss
 *     curve; ND4J threads: {@link emolab.classify.models.Nd4jRuntime}).</li>
 * <li>Meta: {@link emolab.classify.models.Bagging} of any spec, {@link emolab.classify.models.StandardScaled}
 *     (scaler fitted on the training rows), {@link emolab.classify.models.Majority} baseline.</li>
 * </ul>
 */
package emolab.classify.models;
