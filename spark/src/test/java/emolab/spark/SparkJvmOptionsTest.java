package emolab.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The JVM options Spark 4 needs on Java 17 are listed once in spark/jvm.options; Surefire must pass all of them. */
class SparkJvmOptionsTest {
    @Test
    void surefireRunsWithEveryOptionOfJvmOptions() throws IOException {
        String file = System.getProperty("emolab.spark.jvmOptionsFile");
        assertTrue(file != null, "system property emolab.spark.jvmOptionsFile is set by spark/pom.xml");
        List<String> wanted = Files.readAllLines(Path.of(file)).stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertTrue(wanted.size() >= 10 && wanted.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), wanted.toString());
        List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        for (String w : wanted) assertTrue(args.contains(w), "surefire argLine lacks " + w + " (spark/pom.xml spark.jvm.options); has " + args);
    }
}
