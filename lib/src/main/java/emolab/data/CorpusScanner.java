package emolab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Scans a folder tree of RAVDESS WAV files into a table with one row per recording (labels from
 * the file name, format from the WAV header; samples are not decoded).
 *
 * <p>Files are visited in order of their path string. Every {@code *.wav} (any case) is either a
 * row or a {@link ScanError}: files with invalid RAVDESS names and unreadable WAVs are reported,
 * never dropped, and never stop the scan. Other files are ignored. The folder is walked by
 * {@link CorpusFiles#wavs}: symbolic links are followed, link loops and files reached twice are
 * reported as errors.
 */
public final class CorpusScanner {
    private CorpusScanner() {}

    /** Column names of {@link ScanResult#table()}, in order. */
    public static final List<String> COLUMNS = List.of("path", "filename", "modality", "vocal_channel", "emotion",
            "emotion_code", "intensity", "statement", "repetition", "actor", "sex", "sample_rate", "channels", "bits",
            "frames", "duration_s");

    /** A {@code .wav} file that could not be used, and why. */
    public record ScanError(Path path, String reason) {
        public ScanError {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    /** The recordings found (columns {@link #COLUMNS}) and the files that were skipped with a reason. */
    public record ScanResult(Table table, List<ScanError> errors) {
        public ScanResult {
            Objects.requireNonNull(table, "table");
            errors = List.copyOf(errors);
        }
    }

    /** Scans {@code root} recursively; throws if {@code root} is not a readable directory. */
    public static ScanResult scan(Path root) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs))
            throw new IOException("corpus root is not a directory: " + abs
                    + (Files.exists(abs) ? "" : " (does not exist)"));
        CorpusFiles.Walk walk = CorpusFiles.wavs(abs);
        List<Path> wavs = walk.files();
        List<ScanError> errors = new ArrayList<>(walk.problems());

        StringColumn path = StringColumn.create("path");
        StringColumn filename = StringColumn.create("filename");
        IntColumn modality = IntColumn.create("modality");
        StringColumn vocal = StringColumn.create("vocal_channel");
        StringColumn emotion = StringColumn.create("emotion");
        IntColumn emotionCode = IntColumn.create("emotion_code");
        StringColumn intensity = StringColumn.create("intensity");
        IntColumn statement = IntColumn.create("statement");
        IntColumn repetition = IntColumn.create("repetition");
        IntColumn actor = IntColumn.create("actor");
        StringColumn sex = StringColumn.create("sex");
        IntColumn rate = IntColumn.create("sample_rate");
        IntColumn channels = IntColumn.create("channels");
        IntColumn bits = IntColumn.create("bits");
        LongColumn frames = LongColumn.create("frames");
        DoubleColumn duration = DoubleColumn.create("duration_s");

        for (Path f : wavs) {
            RavdessName name;
            try {
                name = RavdessName.parse(f.getFileName().toString());
            } catch (IllegalArgumentException e) {
                errors.add(new ScanError(f, "invalid RAVDESS name: " + e.getMessage()));
                continue;
            }
            WavReader.Header h;
            try {
                h = WavReader.readHeader(f);
            } catch (AudioFormatException e) {
                errors.add(new ScanError(f, e.reason()));
                continue;
            } catch (IOException | RuntimeException e) {
                errors.add(new ScanError(f, "cannot read: " + e));
                continue;
            }
            path.append(f.toString());
            filename.append(f.getFileName().toString());
            modality.append(name.modality());
            vocal.append(name.vocalChannel().label());
            emotion.append(name.emotion().label());
            emotionCode.append(name.emotion().code());
            intensity.append(name.intensity().label());
            statement.append(name.statement());
            repetition.append(name.repetition());
            actor.append(name.actor());
            sex.append(name.sex().label());
            rate.append(h.sampleRate());
            channels.append(h.channels());
            bits.append(h.bitsPerSample());
            frames.append(h.frames());
            duration.append(h.durationSeconds());
        }
        errors.sort(Comparator.comparing(e -> e.path().toString()));
        Table t = Table.create("RAVDESS scan of " + abs, path, filename, modality, vocal, emotion, emotionCode,
                intensity, statement, repetition, actor, sex, rate, channels, bits, frames, duration);
        return new ScanResult(t, errors);
    }
}
