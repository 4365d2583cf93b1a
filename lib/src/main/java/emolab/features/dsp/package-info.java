/**
 * Generic, reusable DSP that reproduces librosa 0.10 / NumPy / SciPy numerics closely enough to
 * match a Python reference to ~1e-11 relative (see {@code CourseConformanceTest}).
 *
 * <ul>
 *   <li>{@link emolab.features.dsp.Stft}: power/magnitude spectrograms (JTransforms), centred with
 *       zero ({@code CONSTANT}, librosa &ge; 0.10) or {@code REFLECT} padding; one instance per
 *       thread. {@link emolab.features.dsp.Windows#hann} is SciPy's periodic Hann.</li>
 *   <li>{@link emolab.features.dsp.MelFilterbank}: {@code filters.mel} (Slaney/HTK scale, Slaney
 *       norm, fmin/fmax, float32 rounding like librosa's default dtype).</li>
 *   <li>{@link emolab.features.dsp.Dct}: orthonormal DCT-II (first n coefficients).</li>
 *   <li>{@link emolab.features.dsp.Spectral}: {@code power_to_db}, {@code spectral_centroid}.</li>
 *   <li>{@link emolab.features.dsp.Chroma}: {@code estimate_tuning}/{@code piptrack},
 *       {@code filters.chroma}, {@code chroma_stft}.</li>
 *   <li>{@link emolab.features.dsp.Stats}: the 14 course statistics with NumPy's pairwise
 *       summation, linear quantiles and SciPy's biased kurtosis/skewness.</li>
 * </ul>
 *
 * <p>What mattered for agreement with the course table (measured on RAVDESS actor 19):
 * the mel filterbank must be rounded to float32 exactly as librosa stores it (in float64 the
 * MFCC statistics are off by up to 2e-5 relative); centring must pad with zeros (reflect padding
 * is off by orders of magnitude at the edges); NumPy's pairwise summation keeps the raw/lag1/zc
 * statistics within 4e-14 (a plain running sum still passes 1e-9 but drifts to 2e-11); a
 * constant frame must give exactly zero AC DCT terms, as SciPy's FFT-based DCT does.
 */
package emolab.features.dsp;
