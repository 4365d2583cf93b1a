package emolab.data.synth;

import static org.junit.jupiter.api.Assertions.*;

import emolab.data.RavdessName;
import emolab.data.synth.SyntheticCorpus.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticCorpusWavTest {

    @Test
    void tinyCorpusIsValidRavdessShaped16kMonoPcm(@TempDir Path dir) throws IOException {
        SyntheticCorpus.Summary s = SyntheticCorpus.builder().size(Size.TINY).build().generate(dir);
        List<RavdessName> design = SyntheticCorpus.design(Size.TINY);
        long wavs;
        try (Stream<Path> w = Files.walk(dir)) {
            wavs = w.filter(p -> p.toString().endsWith(".wav")).count();
        }
        assertEquals(design.size(), wavs, "exactly the design's files");
        assertEquals(design.size(), s.files());
        double total = 0;
        for (RavdessName n : design) {
            Path f = dir.resolve(String.format("Actor_%02d", n.actor())).resolve(n.fileName());
            assertTrue(Files.isRegularFile(f), "missing " + f);
            WavTestSupport.Wav w = WavTestSupport.read(f);
            assertEquals(1, w.channels(), n + " channels");
            assertEquals(16000, w.sampleRate(), n + " sample rate");
            assertEquals(16, w.bits(), n + " bits");
            assertTrue(w.seconds() >= 2.5 && w.seconds() <= 6.0, n + " duration " + w.seconds());
            total += w.seconds();
            double peak = 0;
            for (double x : w.samples()) peak = Math.max(peak, Math.abs(x));
            assertTrue(peak > 0.005 && peak < 1.0, n + " peak " + peak);
            // leading and trailing silence: low noise floor, far below the speech
            double[] x = w.samples();
            double lead = WavTestSupport.rmsDb(x, 0, 4000), tail = WavTestSupport.rmsDb(x, x.length - 4000, x.length);
            double speech = WavTestSupport.activeLoudnessDb(x, 16000);
            assertTrue(lead < -65 && lead > -100, n + " leading floor " + lead + " dB");
            assertTrue(tail < -65 && tail > -100, n + " trailing floor " + tail + " dB");
            assertTrue(speech - lead > 20, n + " speech " + speech + " vs floor " + lead);
        }
        assertEquals(total, s.audioSeconds(), 0.01);
        String marker = Files.readString(dir.resolve(SyntheticCorpus.MARKER));
        assertTrue(marker.contains("size=TINY") && marker.contains("files=67") && marker.contains("sampleRate=16000")
                && marker.contains("seed=42") && marker.contains("generatorVersion=") && marker.contains("SYNTHETIC"), marker);
    }

    @Test
    void otherSampleRatesWork() {
        RavdessName n = RavdessName.parse("03-02-03-02-02-01-02.wav");
        for (int sr : new int[] {8000, 22050, 44100}) {
            double[] x = SyntheticCorpus.synthesize(n, 42, sr);
            double sec = x.length / (double) sr;
            assertTrue(sec >= 2.5 && sec <= 6.0, sr + " Hz: " + sec + " s");
            for (double v : x) assertTrue(v >= -1.0 && v < 1.0 && !Double.isNaN(v), sr + " Hz sample " + v);
            double f0 = WavTestSupport.median(WavTestSupport.f0Track(x, sr));
            assertTrue(f0 > 150 && f0 < 450, sr + " Hz: female song F0 " + f0);
        }
    }
}
