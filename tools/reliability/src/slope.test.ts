import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leastSquaresSlope } from './slope.js';

describe('the least-squares slope of samples', () => {
  it('is the rate of a straight line', () => {
    // Prepare
    const samples = [0, 10, 20, 30].map((atSeconds) => ({ atSeconds, value: 100 + 2.5 * atSeconds }));

    // Act
    const slope = leastSquaresSlope(samples);

    // Assess
    expect(slope).toBeCloseTo(2.5, 10);
  });

  it('is zero for a flat measurement however it is sampled', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 600 }), { minLength: 2, maxLength: 40 }), fc.integer({ min: 0, max: 1e9 }), (moments, value) => {
        expect(leastSquaresSlope(moments.map((atSeconds) => ({ atSeconds, value })))).toBe(0);
      }),
    );
  });

  it('averages noise out: a saw-tooth around a flat line has no slope', () => {
    // Prepare
    const samples = Array.from({ length: 30 }, (_, index) => ({ atSeconds: index * 10, value: 1000 + (index % 2 === 0 ? 50 : -50) }));

    // Act
    const slope = leastSquaresSlope(samples);

    // Assess
    expect(Math.abs(slope)).toBeLessThan(0.2);
  });

  it('is zero with fewer than two samples', () => {
    // Act + Assess
    expect([leastSquaresSlope([]), leastSquaresSlope([{ atSeconds: 5, value: 9 }])]).toEqual([0, 0]);
  });
});
