package emolab.classify.models;

/**
 * Read-only view of a fitted random forest's trees (EmoLab's own forest, {@code RandomForest}
 * without {@code max_leaf_nodes}), for explainers such as TreeSHAP. Nodes are numbered from 0
 * (the root) per tree; {@code x[feature] <= threshold} goes left; the forest's probability is
 * the mean over trees of the leaf's class frequencies.
 */
public interface ForestTrees {
    int numTrees();

    int numFeatures();

    int numClasses();

    /** Split feature per node, −1 at a leaf. */
    int[] feature(int tree);

    double[] threshold(int tree);

    /** Left child per node (−1 at a leaf). */
    int[] leftChild(int tree);

    /** Right child per node (−1 at a leaf). */
    int[] rightChild(int tree);

    /** Training weight (bootstrap draws) that reached each node. */
    double[] cover(int tree);

    /** Class frequencies of a leaf (k values summing to 1). */
    double[] leafValue(int tree, int node);

    /** Depth of a tree (edges on its longest root-to-leaf path). */
    int depth(int tree);
}
