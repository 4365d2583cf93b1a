package emolab.classify;

/**
 * Capability: read-only access to a fitted tree model's trees, what exact tree explainers
 * (TreeSHAP) need. Answered by the tree families (decision tree, random forest, gradient
 * boosting, AdaBoost's trees are not answered: its vote is not additive over leaves); refused
 * (empty) by every other model, including a tree model behind a scaler.
 *
 * <p>The model's output for class {@code c} is
 * {@code offset()[c] + Σ_trees weight(t) · leafValue(t, leaf(t, x))[c]} (for a tree whose
 * {@link #treeClass} is {@code c ≥ 0}, its single leaf value adds to class {@code c} only), in
 * {@link #output()} space: probabilities (forests, trees) or margins whose softmax gives the
 * probabilities (boosting). Nodes are numbered from 0 (the root) per tree; a row goes left when
 * {@code x[feature] <= threshold}. Classes are indexed like {@link Classifier#trainedClasses()}.
 */
public interface TreeEnsembleAccess {
    /** The space the trees add up in. */
    enum Output {
        /** Class probabilities (forests average their trees' leaf posteriors). */
        PROBABILITY,
        /** Scores before the softmax (gradient boosting). */
        MARGIN
    }

    Output output();

    int numTrees();

    int numFeatures();

    int numClasses();

    /** Added to the trees' sum, one value per class (boosting's initial score); zeros by default. */
    default double[] offset() {
        return new double[numClasses()];
    }

    /** The class a tree's single leaf value adds to, or −1 when its leaves hold one value per class. */
    default int treeClass(int tree) {
        return -1;
    }

    /** The tree's weight in the sum (1/trees for a plain forest, the shrinkage for boosting). */
    double weight(int tree);

    /** Split feature per node, −1 at a leaf. */
    int[] feature(int tree);

    /** Split threshold per node (unused at leaves). */
    double[] threshold(int tree);

    /** Left child per node (−1 at a leaf). */
    int[] leftChild(int tree);

    /** Right child per node (−1 at a leaf). */
    int[] rightChild(int tree);

    /** Training rows (or weight) that reached each node. */
    double[] cover(int tree);

    /** A leaf's values before the tree's weight: one per class, or one value when {@link #treeClass} ≥ 0. */
    double[] leafValue(int tree, int node);

    /** Depth of a tree (edges on its longest root-to-leaf path). */
    int depth(int tree);
}
