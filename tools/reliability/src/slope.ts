/** A sample of a measurement at a moment (seconds since the first sample). */
export interface Sample {
  atSeconds: number;
  value: number;
}

/**
 * The least-squares slope of the samples (value per second): how fast the measurement
 * grows over the run, with noise averaged out. Zero for fewer than two distinct moments.
 */
export function leastSquaresSlope(samples: readonly Sample[]): number {
  if (samples.length < 2) return 0;
  const meanX = samples.reduce((sum, sample) => sum + sample.atSeconds, 0) / samples.length;
  const meanY = samples.reduce((sum, sample) => sum + sample.value, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    covariance += (sample.atSeconds - meanX) * (sample.value - meanY);
    variance += (sample.atSeconds - meanX) ** 2;
  }
  return variance === 0 ? 0 : covariance / variance;
}
