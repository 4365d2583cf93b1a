package emolab.spark;

import org.apache.spark.sql.SparkSession;

/** One local[2] Spark session shared by the tests of this module (started once, stopped at JVM exit). */
final class LocalSpark {
    private LocalSpark() {}

    static synchronized SparkSession get() {
        return SparkSession.builder().master("local[2]").appName("emolab-spark tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}
