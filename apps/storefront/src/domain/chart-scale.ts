/**
 * The arithmetic behind the dashboard's SVG charts: a rounded top for the axis, its
 * ticks, and where each bar or point goes. Pure, so the drawing components stay thin.
 */

/** The smallest "nice" number (1, 2, 2.5, 5 or 10 × a power of ten) at or above `value`; 1 for nothing to show. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((candidate) => candidate * magnitude >= value) ?? 10;
  return step * magnitude;
}

/** `count + 1` evenly spaced tick values from 0 to `top`. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => (top * index) / count);
}

export interface Plot {
  width: number;
  height: number;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** Vertical bars side by side, filling `plot` with `gap` (a fraction of each slot) between them. */
export function barLayout(values: readonly number[], plot: Plot, gap = 0.25): { top: number; bars: Bar[] } {
  const top = niceCeiling(Math.max(0, ...values));
  const slot = values.length > 0 ? plot.width / values.length : 0;
  const bars = values.map((value, index) => {
    const height = (Math.max(0, value) / top) * plot.height;
    return { x: index * slot + (slot * gap) / 2, y: plot.height - height, width: slot * (1 - gap), height, value };
  });
  return { top, bars };
}

/** The points of a line through `values`, one per slot centre, as an SVG `points` string and coordinates. */
export function linePoints(values: readonly number[], plot: Plot): { top: number; points: { x: number; y: number }[]; path: string } {
  const top = niceCeiling(Math.max(0, ...values));
  const slot = values.length > 0 ? plot.width / values.length : 0;
  const points = values.map((value, index) => ({ x: index * slot + slot / 2, y: plot.height - (Math.max(0, value) / top) * plot.height }));
  return { top, points, path: points.map((point) => `${round(point.x)},${round(point.y)}`).join(' ') };
}

const round = (value: number) => Math.round(value * 100) / 100;

/** How many ticks keep every tick of a count axis (orders, units) a whole number: `top` is a niceCeiling. */
export function wholeTickCount(top: number): number {
  if (top <= 5) return Math.max(1, Math.round(top));
  return top % 4 === 0 ? 4 : 5;
}
