package emolab.model;

import emolab.data.Emotion;
import emolab.data.RavdessName;
import emolab.data.RavdessName.Intensity;
import emolab.data.RavdessName.VocalChannel;
import emolab.data.WavWriter;
import emolab.data.synth.SyntheticCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small synthetic corpus (speech, 8 emotions, statements 1–2, normal intensity): actors 1–4 for
 * training (64 files) and actors 5–6 for prediction (8 files each), and one model trained on it
 * through {@code ModelCli train} once per test JVM.
 */
final class ModelFixture {
    private ModelFixture() {}

    private static Path root;
    private static Path model;
    static String trainOutput;

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("emolab-model-fixture");
                for (int actor = 1; actor <= 6; actor++)
                    for (Emotion e : Emotion.values())
                        for (int s = 1; s <= (actor <= 4 ? 2 : 1); s++) {
                            RavdessName n = new RavdessName(3, VocalChannel.SPEECH, e, Intensity.NORMAL, s, 1, actor);
                            Path dir = (actor <= 4 ? root.resolve("train") : root.resolve("new")).resolve(n.actorFolder());
                            Files.createDirectories(dir);
                            WavWriter.writePcm16(dir.resolve(n.fileName()), SyntheticCorpus.synthesize(n, 42, 16000), 16000);
                        }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root;
    }

    static Path trainDir() { return root().resolve("train"); }

    /** Actors 5 and 6, 8 recordings each. */
    static Path newDir() { return root().resolve("new"); }

    static synchronized Path model() {
        if (model == null) {
            Path m = root().resolve("models").resolve("m.model");
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code = ModelCli.run(new String[] {"train", "--actors", "1-4", trainDir().toString(), m.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            trainOutput = out.toString(StandardCharsets.UTF_8);
            if (code != 0) throw new IllegalStateException("train exit " + code + ": " + err.toString(StandardCharsets.UTF_8));
            model = m;
        }
        return model;
    }
}
