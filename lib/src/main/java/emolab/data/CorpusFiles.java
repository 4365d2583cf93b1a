package emolab.data;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The one way EmoLab walks a corpus folder: recursively, following symbolic links (a linked
 * {@code data/ravdess}, linked {@code Actor_XX} folders, linked files), safe against link loops.
 *
 * <p>Every library walker of audio folders (the {@link CorpusScanner}, the extractor's command
 * line, {@link DataSource#countRavdessWavs}, the evaluations and benchmarks) goes through
 * {@link #wavs(Path)}, so they all find the same files:
 * <ul>
 *   <li>files are returned sorted by path string, under the path they were reached by (the link,
 *       not its target);</li>
 *   <li>a directory link pointing back to one of its own ancestors (a loop) is not entered and is
 *       reported as a problem ({@code "symbolic link loop: ..."}); walking never hangs;</li>
 *   <li>the same file reached twice (two links to one folder) is listed once, under the first path
 *       in sort order; each further path is reported as a problem naming the first;</li>
 *   <li>unreadable entries (no permission, dangling link, link to itself) are reported as
 *       problems, never dropped silently, and do not stop the walk.</li>
 * </ul>
 */
public final class CorpusFiles {
    private CorpusFiles() {}

    /** The files found, in path order, and the entries that could not be walked, with a reason. */
    public record Walk(List<Path> files, List<CorpusScanner.ScanError> problems) {
        public Walk {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /** True for a {@code .wav} name, any case. */
    public static boolean isWav(Path file) {
        Path n = file.getFileName();
        return n != null && n.toString().toLowerCase(Locale.ROOT).endsWith(".wav");
    }

    /** All {@code *.wav} files (any case) under {@code root}; see the class notes. */
    public static Walk wavs(Path root) throws IOException {
        return walk(root, CorpusFiles::isWav);
    }

    /**
     * All regular files under {@code root} (following links) whose path passes {@code accept}.
     *
     * @throws IOException when {@code root} itself is not a readable directory
     */
    public static Walk walk(Path root, Predicate<Path> accept) throws IOException {
        Objects.requireNonNull(accept, "accept");
        if (!Files.isDirectory(root))
            throw new IOException("corpus root is not a directory: " + root.toAbsolutePath()
                    + (Files.exists(root) ? "" : " (does not exist)"));
        List<Path> found = new ArrayList<>();
        List<CorpusScanner.ScanError> problems = new ArrayList<>();
        // FOLLOW_LINKS: the JDK walker keeps the file keys of the open ancestors and reports a
        // directory whose key is among them as a FileSystemLoopException instead of entering it.
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isSymbolicLink()) { // a link whose target cannot be read (dangling, or a link loop)
                    if (accept.test(file) || !hasExtension(file))
                        problems.add(new CorpusScanner.ScanError(file, "cannot read: broken symbolic link to "
                                + linkTarget(file)));
                } else if (attrs.isRegularFile() && accept.test(file)) found.add(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(root)) throw e;
                if (e instanceof FileSystemLoopException)
                    problems.add(new CorpusScanner.ScanError(file, "symbolic link loop: " + file + " leads back to "
                            + realOrSelf(file) + ", a folder already being walked; not entered"));
                else if (Files.isSymbolicLink(file) || accept.test(file) || Files.isDirectory(file))
                    problems.add(new CorpusScanner.ScanError(file, "cannot read: " + describe(e)));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Comparator.comparing(Path::toString));
        List<Path> files = new ArrayList<>(found.size());
        Map<Object, Path> seen = new HashMap<>();
        for (Path f : found) {
            Object key = identity(f);
            Path first = seen.putIfAbsent(key, f);
            if (first == null) files.add(f);
            else problems.add(new CorpusScanner.ScanError(f, "same file as " + first
                    + " (reached twice through symbolic links); listed once"));
        }
        problems.sort(Comparator.comparing(p -> p.path().toString()));
        return new Walk(files, problems);
    }

    private static Object identity(Path f) {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            if (a.fileKey() != null) return a.fileKey();
        } catch (IOException e) {
            // fall through to the real path
        }
        return realOrSelf(f);
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String linkTarget(Path link) {
        try {
            return String.valueOf(Files.readSymbolicLink(link));
        } catch (IOException | UnsupportedOperationException e) {
            return "?";
        }
    }

    private static boolean hasExtension(Path p) {
        String n = p.getFileName().toString();
        return n.lastIndexOf('.') > 0;
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) return fse.getReason();
        return String.valueOf(e);
    }
}
