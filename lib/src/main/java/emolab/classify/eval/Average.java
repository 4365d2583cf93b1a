package emolab.classify.eval;

/**
 * How per-class scores are combined into one number (scikit-learn's {@code average=}).
 *
 * <ul>
 * <li>{@link #MACRO}: unweighted mean over the classes.</li>
 * <li>{@link #MICRO}: pool the counts (true/false positives) of all classes, then compute once.</li>
 * <li>{@link #WEIGHTED}: mean over the classes weighted by support (number of true samples).</li>
 * </ul>
 */
public enum Average {
    MACRO, MICRO, WEIGHTED
}
