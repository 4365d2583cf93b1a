package emolab.features.engine;

import emolab.features.FeatureSet;
import emolab.features.course.CourseFeatures;
import emolab.features.rich.RichFeatures;
import java.util.List;

/** The feature sets known by name to the CLI and benchmark. */
public final class FeatureSets {
    private FeatureSets() {}

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of("course", "rich");

    /** A new instance of the named set. */
    public static FeatureSet byName(String name) {
        return switch (name) {
            case "course" -> new CourseFeatures();
            case "rich" -> new RichFeatures();
            default -> throw new IllegalArgumentException("unknown feature set '" + name + "'; known: " + NAMES);
        };
    }
}
