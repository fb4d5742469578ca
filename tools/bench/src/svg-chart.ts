/** A small line chart as standalone SVG: latency (log scale) against concurrency. No I/O, no dependencies. */

export interface Series {
  name: string;
  /** One point per concurrency level, in the order of `levels`; NaN leaves a gap. */
  p50: number[];
  p99: number[];
}

export interface ChartInput {
  title: string;
  levels: number[];
  series: Series[];
}

const width = 760;
const height = 420;
const margin = { left: 70, right: 210, top: 40, bottom: 50 };
const colours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e'];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const round = (value: number) => Math.round(value * 10) / 10;

/** Powers of ten spanning the values (at least one decade). */
export function decades(values: number[]): number[] {
  const finite = values.filter((value) => Number.isFinite(value) && value > 0);
  if (finite.length === 0) return [1, 10];
  const low = Math.floor(Math.log10(Math.min(...finite)));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(...finite))));
  return Array.from({ length: high - low + 1 }, (_, index) => 10 ** (low + index));
}

export function latencyChart(input: ChartInput): string {
  const ticks = decades(input.series.flatMap((series) => [...series.p50, ...series.p99]));
  const [bottom = 1, top = 10] = [ticks[0], ticks.at(-1)];
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const x = (index: number) => margin.left + (input.levels.length === 1 ? plotWidth / 2 : (index * plotWidth) / (input.levels.length - 1));
  const y = (value: number) => margin.top + plotHeight - ((Math.log10(value) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom))) * plotHeight;

  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="22" font-size="15" font-weight="bold">${escape(input.title)}</text>`,
  ];
  for (const tick of ticks) {
    parts.push(`<line class="grid" x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${round(y(tick))}" y2="${round(y(tick))}" stroke="#dddddd"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${round(y(tick)) + 4}" text-anchor="end">${tick >= 1 ? tick : tick.toPrecision(1)} ms</text>`);
  }
  input.levels.forEach((level, index) => {
    parts.push(`<text x="${round(x(index))}" y="${margin.top + plotHeight + 20}" text-anchor="middle">${level}</text>`);
  });
  parts.push(`<text x="${margin.left + plotWidth / 2}" y="${height - 10}" text-anchor="middle">requests in flight (concurrency)</text>`);
  parts.push(`<line x1="${margin.left}" x2="${margin.left}" y1="${margin.top}" y2="${margin.top + plotHeight}" stroke="#333333"/>`);
  parts.push(`<line x1="${margin.left}" x2="${margin.left + plotWidth}" y1="${margin.top + plotHeight}" y2="${margin.top + plotHeight}" stroke="#333333"/>`);

  input.series.forEach((series, seriesIndex) => {
    const colour = colours[seriesIndex % colours.length] ?? '#000000';
    for (const [quantile, values, dash] of [['p50', series.p50, ''], ['p99', series.p99, ' stroke-dasharray="6 4"']] as const) {
      const points = values.map((value, index) => (Number.isFinite(value) && value > 0 ? `${round(x(index))},${round(y(value))}` : undefined));
      const drawn = points.filter((point): point is string => point !== undefined);
      if (drawn.length === 0) continue;
      parts.push(`<polyline class="series" data-series="${escape(series.name)} ${quantile}" fill="none" stroke="${colour}" stroke-width="2"${dash} points="${drawn.join(' ')}"/>`);
      for (const point of drawn) {
        const [cx, cy] = point.split(',');
        parts.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${colour}"/>`);
      }
    }
    const legendY = margin.top + 10 + seriesIndex * 36;
    const legendX = margin.left + plotWidth + 20;
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY}" y2="${legendY}" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY + 4}">${escape(series.name)} p50</text>`);
    parts.push(`<line x1="${legendX}" x2="${legendX + 24}" y1="${legendY + 16}" y2="${legendY + 16}" stroke="${colour}" stroke-width="2" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${legendX + 30}" y="${legendY + 20}">${escape(series.name)} p99</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
