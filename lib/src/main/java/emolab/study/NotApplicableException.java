package emolab.study;

/**
 * A method's refusal to run on the data at hand — not a bug: ADASYN with nothing to generate, a
 * k larger than a class, a singular covariance, too few speakers for grouped folds. A
 * {@link Study} turns it into a {@code not applicable: <reason>} row and goes on; any other
 * exception is a bug and fails the study.
 */
public class NotApplicableException extends RuntimeException {
    public NotApplicableException(String reason) {
        super(reason);
    }

    public NotApplicableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** Throws when {@code condition} is false: {@code NotApplicableException.require(k < n, "k = 5 > 3 rows")}. */
    public static void require(boolean condition, String reason) {
        if (!condition) throw new NotApplicableException(reason);
    }
}
