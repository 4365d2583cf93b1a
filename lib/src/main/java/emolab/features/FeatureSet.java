package emolab.features;

import emolab.data.Audio;
import java.util.List;

/** A named, versioned set of per-file features: one fixed-length row of doubles per recording. */
public interface FeatureSet {
    /** Short identifier, e.g. {@code course} or {@code rich}. */
    String name();

    /** Version of the definition; change it whenever the values would change (invalidates caches). */
    String version();

    /** Column names, in the order of {@link #extract}'s result. */
    List<String> columns();

    /** Computes the features of one recording; the result has {@code columns().size()} values. */
    double[] extract(Audio audio);
}
