package emolab.imbalance;

import java.nio.file.Path;

import emolab.SharedData;
import emolab.prep.Csv;
import tech.tablesaw.api.Table;

/** The conformance input {@code ../shared/conformance/imbalanced/imb_input.csv} (390 × f0..f9, label). */
final class ImbalancedFixture {
    final Path dir;
    final double[][] X;
    final int[] y;

    ImbalancedFixture() {
        dir = SharedData.require("conformance/imbalanced");
        Table t = Csv.read(dir.resolve("imb_input.csv"));
        int n = t.rowCount();
        X = new double[n][10];
        y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 10; j++) X[i][j] = t.doubleColumn("f" + j).get(i);
            y[i] = t.intColumn("label").get(i);
        }
    }

    Table table(String file) {
        return Csv.read(dir.resolve(file));
    }

    /** The single int column {@code index} of a kept_*.csv / danger file. */
    int[] indices(String file) {
        return table(file).intColumn("index").asIntArray();
    }
}
