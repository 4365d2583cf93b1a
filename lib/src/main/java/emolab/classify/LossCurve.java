package emolab.classify;

import java.io.Serializable;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Per-epoch training curve of a neural network: mean training loss (cross-entropy, without the
 * weight penalty), and on the validation split (when there is one) the loss and the accuracy.
 * {@code bestEpoch} (0-based) is the epoch whose weights the model kept.
 */
public record LossCurve(double[] trainLoss, double[] validationLoss, double[] validationAccuracy, int bestEpoch)
        implements Serializable {
    public LossCurve {
        trainLoss = trainLoss.clone();
        validationLoss = validationLoss == null ? null : validationLoss.clone();
        validationAccuracy = validationAccuracy == null ? null : validationAccuracy.clone();
    }

    @Override public double[] trainLoss() { return trainLoss.clone(); }

    @Override public double[] validationLoss() { return validationLoss == null ? null : validationLoss.clone(); }

    @Override public double[] validationAccuracy() { return validationAccuracy == null ? null : validationAccuracy.clone(); }

    /** Number of epochs run. */
    public int epochs() {
        return trainLoss.length;
    }

    /** Whether validation values were recorded. */
    public boolean hasValidation() {
        return validationLoss != null;
    }

    /** Columns {@code epoch} (1-based), {@code train_loss} and, with validation, {@code validation_loss}, {@code validation_accuracy}. */
    public Table table() {
        int n = trainLoss.length;
        int[] ep = new int[n];
        for (int i = 0; i < n; i++) ep[i] = i + 1;
        Table t = Table.create("loss curve", IntColumn.create("epoch", ep), DoubleColumn.create("train_loss", trainLoss));
        if (validationLoss != null) {
            t.addColumns(DoubleColumn.create("validation_loss", validationLoss),
                    DoubleColumn.create("validation_accuracy", validationAccuracy));
        }
        return t;
    }
}
