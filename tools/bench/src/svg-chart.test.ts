import { describe, expect, it } from 'vitest';
import { decades, latencyChart } from './svg-chart.js';

const input = {
  title: 'p50 / p99 <latency>',
  levels: [1, 5, 10, 20, 50],
  series: [
    { name: 'GET /products/{id}', p50: [2, 3, 5, 9, 20], p99: [6, 9, 14, 30, 80] },
    { name: 'checkout', p50: [300, Number.NaN, 500, 900, 2000], p99: [600, 700, 1400, 2500, 6000] },
  ],
};

describe('the latency chart', () => {
  it('spans whole decades around the values', () => {
    expect(decades([2, 80])).toEqual([1, 10, 100]);
    expect(decades([300, 6000])).toEqual([100, 1000, 10000]);
    expect(decades([])).toEqual([1, 10]);
  });

  it('is one standalone SVG document with a p50 and a dashed p99 line per series, leaving gaps for missing points', () => {
    const svg = latencyChart(input);

    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const lines = [...svg.matchAll(/<polyline class="series" data-series="([^"]+)"[^>]*points="([^"]+)"/g)].map((match) => ({ name: match[1], points: match[2]?.split(' ').length }));
    expect(lines).toEqual([
      { name: 'GET /products/{id} p50', points: 5 },
      { name: 'GET /products/{id} p99', points: 5 },
      { name: 'checkout p50', points: 4 },
      { name: 'checkout p99', points: 5 },
    ]);
    expect(svg.match(/stroke-dasharray/g)?.length).toBe(4);
  });

  it('labels every concurrency level and every decade, and escapes text', () => {
    const svg = latencyChart(input);

    for (const level of input.levels) expect(svg).toContain(`text-anchor="middle">${level}</text>`);
    for (const tick of ['1 ms', '10 ms', '100 ms', '1000 ms', '10000 ms']) expect(svg).toContain(`>${tick}</text>`);
    expect(svg).toContain('p50 / p99 &lt;latency&gt;');
    expect(svg).not.toContain('NaN');
  });
});
