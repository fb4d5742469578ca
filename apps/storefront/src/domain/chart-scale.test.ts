import { describe, expect, it } from 'vitest';
import { barLayout, linePoints, niceCeiling, ticks, wholeTickCount } from './chart-scale.js';

describe('niceCeiling', () => {
  it('rounds the largest value up to a readable axis top', () => {
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(13)).toBe(20);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(40)).toBe(50);
    expect(niceCeiling(100)).toBe(100);
    expect(niceCeiling(129_900)).toBe(200_000);
  });

  it('gives an axis of 1 when there is nothing to show', () => {
    expect(niceCeiling(0)).toBe(1);
    expect(niceCeiling(Number.NaN)).toBe(1);
  });
});

describe('ticks', () => {
  it('spaces the ticks evenly from zero to the top', () => {
    expect(ticks(20)).toEqual([0, 5, 10, 15, 20]);
  });
});

describe('barLayout', () => {
  it('scales bars to the axis top and places them in equal slots', () => {
    const { top, bars } = barLayout([5, 10, 0], { width: 300, height: 100 }, 0);

    expect(top).toBe(10);
    expect(bars.map((bar) => [bar.x, bar.width, bar.height, bar.y])).toEqual([
      [0, 100, 50, 50],
      [100, 100, 100, 0],
      [200, 100, 0, 100],
    ]);
  });

  it('leaves the gap between bars and draws nothing for no values', () => {
    expect(barLayout([1], { width: 100, height: 10 }, 0.5).bars[0]).toMatchObject({ x: 25, width: 50 });
    expect(barLayout([], { width: 100, height: 10 }).bars).toEqual([]);
  });
});

describe('linePoints', () => {
  it('puts a point at each slot centre, scaled to the axis top', () => {
    const { top, path } = linePoints([0, 50, 100], { width: 300, height: 100 });

    expect(top).toBe(100);
    expect(path).toBe('50,100 150,50 250,0');
  });
});

describe('wholeTickCount', () => {
  it('keeps the ticks of a count axis on whole numbers', () => {
    for (const top of [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 1000]) {
      const values = ticks(top, wholeTickCount(top));
      expect(values.every(Number.isInteger), `top ${top}: ${values.join(', ')}`).toBe(true);
    }
  });
});
