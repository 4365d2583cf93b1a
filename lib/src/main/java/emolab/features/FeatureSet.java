package emolab.features;

import java.util.List;

/** A named, versioned feature extractor producing one numeric row per recording. */
public interface FeatureSet {
    /** Short name, e.g. {@code "course"}. */
    String name();

    /** Version string; bumped whenever extracted values change (used as a cache key). */
    String version();

    /** Numeric feature column names, in the order of {@link #extract}. */
    List<String> columns();

    /** One row of features for {@code audio}, in the order of {@link #columns()}. */
    double[] extract(emolab.data.Audio audio);
}
