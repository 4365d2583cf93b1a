package emolab.data.synth;

import java.util.List;

/**
 * The small phone inventory needed for the two RAVDESS statements, with formant targets for an
 * adult male vocal tract (Peterson &amp; Barney / Hillenbrand-style values; scaled per actor),
 * base durations at a neutral rate, and the centre frequency of the noise source for fricatives
 * and stop bursts.
 */
enum Phone {
    //   kind             F1    F2    F3   ms  noiseHz noiseAmp
    IH(Kind.VOWEL,       390, 1990, 2550,  85,    0, 0),
    AA(Kind.VOWEL,       730, 1090, 2440, 115,    0, 0),
    AO(Kind.VOWEL,       570,  840, 2410, 130,    0, 0),
    AH(Kind.VOWEL,       500, 1400, 2400,  55,    0, 0),
    AY1(Kind.VOWEL,      720, 1150, 2450,  95,    0, 0),
    AY2(Kind.VOWEL,      420, 1900, 2500,  75,    0, 0),
    R(Kind.LIQUID,       460, 1190, 1600,  65,    0, 0),
    NG(Kind.NASAL,       300, 1950, 2600,  70,    0, 0),
    S(Kind.FRICATIVE,    400, 1600, 2600, 105, 5500, 1.0),
    Z(Kind.FRICATIVE_V,  350, 1600, 2600,  80, 5000, 0.55),
    DH(Kind.FRICATIVE_V, 350, 1500, 2500,  45, 3200, 0.2),
    K(Kind.STOP,         300, 1900, 2500,  85, 2500, 1.0),
    T(Kind.STOP,         300, 1800, 2700,  80, 4200, 1.0),
    D(Kind.STOP_V,       250, 1700, 2600,  60, 3800, 0.6),
    G(Kind.STOP_V,       250, 1800, 2200,  65, 2200, 0.6),
    B(Kind.STOP_V,       250,  900, 2300,  60, 1200, 0.35);

    enum Kind { VOWEL, LIQUID, NASAL, FRICATIVE, FRICATIVE_V, STOP, STOP_V }

    final Kind kind;
    final double f1, f2, f3, ms, noiseHz, noiseAmp;

    Phone(Kind kind, double f1, double f2, double f3, double ms, double noiseHz, double noiseAmp) {
        this.kind = kind;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.ms = ms;
        this.noiseHz = noiseHz;
        this.noiseAmp = noiseAmp;
    }

    boolean isVowel() {
        return kind == Kind.VOWEL;
    }

    /** One syllable: phones and stress (0 unstressed, 1 secondary, 2 primary, 3 nuclear/final). */
    record Syllable(List<Phone> phones, int stress) {}

    /** Statement 01 "Kids are talking by the door" and 02 "Dogs are sitting by the door". */
    static List<Syllable> statement(int statement) {
        return switch (statement) {
            case 1 -> STATEMENT_1;
            case 2 -> STATEMENT_2;
            default -> throw new IllegalArgumentException("statement must be 1 or 2, got " + statement);
        };
    }

    private static final List<Syllable> STATEMENT_1 = List.of(
            new Syllable(List.of(K, IH, D, Z), 2),
            new Syllable(List.of(AA, R), 0),
            new Syllable(List.of(T, AO), 2),
            new Syllable(List.of(K, IH, NG), 0),
            new Syllable(List.of(B, AY1, AY2), 1),
            new Syllable(List.of(DH, AH), 0),
            new Syllable(List.of(D, AO, R), 3));

    private static final List<Syllable> STATEMENT_2 = List.of(
            new Syllable(List.of(D, AO, G, Z), 2),
            new Syllable(List.of(AA, R), 0),
            new Syllable(List.of(S, IH), 2),
            new Syllable(List.of(T, IH, NG), 0),
            new Syllable(List.of(B, AY1, AY2), 1),
            new Syllable(List.of(DH, AH), 0),
            new Syllable(List.of(D, AO, R), 3));

    /** Song melodies: scale degrees in semitones above the tonic, one note per syllable (major mode). */
    static int[] melody(int statement) {
        return statement == 1 ? new int[] {0, 2, 4, 5, 4, 2, 0} : new int[] {0, 4, 7, 5, 4, 2, 0};
    }
}
