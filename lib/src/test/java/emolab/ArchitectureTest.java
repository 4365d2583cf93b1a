package emolab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code lib/ARCHITECTURE.md} true: every package of the library is on its map, the library
 * holds no benchmark or evaluation programs (they live in the module {@code bench/}), and it never
 * depends on the modules built on top of it ({@code bench}, {@code spark}).
 */
class ArchitectureTest {
    /** The library's command-line entry points; every other {@code main} belongs in bench/. */
    static final Set<String> ENTRY_POINTS = Set.of("emolab.features.engine.ExtractCli",
            "emolab.data.download.RavdessDownloader", "emolab.notebook.RunInfo", "emolab.features.engine.FeaturesDoc",
            "emolab.model.ModelCli", "emolab.notebook.Thumbnails");
    static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    static final Pattern MAIN = Pattern.compile("public\\s+static\\s+void\\s+main\\s*\\(");
    static final Pattern UPWARD = Pattern.compile("^import (?:static )?emolab\\.(bench|spark)\\.", Pattern.MULTILINE);

    static Path lib() {
        Path p = Path.of("").toAbsolutePath();
        return Files.isDirectory(p.resolve("src/main/java")) ? p : p.resolve("lib");
    }

    static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(lib().resolve("src/main/java"))) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    static String packageOf(String source, Path file) {
        Matcher m = PACKAGE.matcher(source);
        assertTrue(m.find(), file + " has no package declaration");
        return m.group(1);
    }

    @Test
    void theMapNamesEveryPackage() throws IOException {
        String map = Files.readString(lib().resolve("ARCHITECTURE.md"));
        Set<String> missing = new TreeSet<>();
        for (Path f : sources()) {
            String pkg = packageOf(Files.readString(f), f);
            String shortName = pkg.startsWith("emolab.") ? pkg.substring("emolab.".length()) : pkg; // e.g. the libsvm bridge
            if (!map.contains("`" + shortName + "`")) missing.add(shortName);
        }
        assertEquals(Set.of(), missing, "packages missing from lib/ARCHITECTURE.md (add them to the package table)");
    }

    @Test
    void benchmarksAndEvaluationsLiveOutsideTheLibrary() throws IOException {
        Set<String> mains = new TreeSet<>();
        for (Path f : sources()) {
            String src = Files.readString(f);
            if (MAIN.matcher(src).find()) {
                String cls = packageOf(src, f) + "." + f.getFileName().toString().replace(".java", "");
                if (!ENTRY_POINTS.contains(cls)) mains.add(cls);
            }
        }
        assertEquals(Set.of(), mains, "main programs in lib/src/main other than the command-line entry points: move them to bench/");
    }

    @Test
    void theLibraryNeverImportsTheModulesBuiltOnIt() throws IOException {
        Set<String> offenders = new TreeSet<>();
        for (Path f : sources()) if (UPWARD.matcher(Files.readString(f)).find()) offenders.add(f.getFileName().toString());
        assertEquals(Set.of(), offenders, "lib must not import emolab.bench or emolab.spark");
    }

    /** Charts only in {@code chart} (and display in {@code notebook}): stages return data. */
    @Test
    void onlyTheChartAndNotebookPackagesDraw() throws IOException {
        Pattern xchart = Pattern.compile("\\borg\\.knowm\\.xchart\\.|\\bemolab\\.chart\\.");
        Set<String> offenders = new TreeSet<>();
        for (Path f : sources()) {
            String src = Files.readString(f);
            String pkg = packageOf(src, f);
            if (pkg.equals("emolab.chart") || pkg.equals("emolab.notebook")) continue;
            // code only: comments (javadoc links) may name a chart
            String code = src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
            if (xchart.matcher(code).find()) offenders.add(pkg + "." + f.getFileName());
        }
        assertEquals(Set.of(), offenders, "classes outside emolab.chart that draw charts");
    }
}
