import { barLayout, linePoints, ticks, wholeTickCount } from '../domain/chart-scale.js';
import type { ReactNode } from 'react';

/**
 * Small SVG charts drawn with React (no charting library: the bundle budget). Each has a
 * title and a description for screen readers, and the numbers stay in a table beside it.
 */
export interface Series {
  label: string;
  value: number;
}

const plot = { width: 360, height: 180 };
const margin = { left: 68, bottom: 28, top: 12, right: 8 };
const size = { width: plot.width + margin.left + margin.right, height: plot.height + margin.top + margin.bottom };

function Axis({ top, format, whole }: { top: number; format: (value: number) => string; whole: boolean }) {
  return (
    <g className="axis">
      {ticks(top, whole ? wholeTickCount(top) : 4).map((tick) => {
        const y = plot.height - (tick / top) * plot.height;
        return (
          <g key={tick}>
            <line x1={0} x2={plot.width} y1={y} y2={y} />
            <text x={-6} y={y} dy="0.32em" textAnchor="end">
              {format(tick)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function Labels({ series }: { series: readonly Series[] }) {
  const slot = series.length > 0 ? plot.width / series.length : 0;
  return (
    <g className="labels">
      {series.map((point, index) => (
        <text key={point.label} x={index * slot + slot / 2} y={plot.height + 18} textAnchor="middle">
          {point.label}
        </text>
      ))}
    </g>
  );
}

interface ChartProps {
  title: string;
  series: readonly Series[];
  /** Tick labels; without it the values are counts, and the ticks stay on whole numbers. */
  format?: (value: number) => string;
}

/** The figure both charts draw into: its accessible summary, the axis, the labels and the caption. */
function ChartFrame({ title, series, label, top, whole, children }: { title: string; series: ChartProps['series']; label: (value: number) => string; top: number; whole: boolean; children: ReactNode }) {
  const summary = series.map((point) => `${point.label}: ${label(point.value)}`).join(', ');
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${size.width} ${size.height}`} role="img" aria-label={`${title}. ${summary}`}>
        <g transform={`translate(${margin.left},${margin.top})`}>
          <Axis top={top} format={label} whole={whole} />
          {children}
          <Labels series={series} />
        </g>
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}

export function BarChart({ title, series, format }: ChartProps) {
  const label = format ?? String;
  const { top, bars } = barLayout(
    series.map((point) => point.value),
    plot,
  );
  return (
    <ChartFrame title={title} series={series} label={label} top={top} whole={!format}>
      {bars.map((bar, index) => (
        <rect key={series[index]?.label ?? index} className="bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
          <title>{`${series[index]?.label}: ${label(bar.value)}`}</title>
        </rect>
      ))}
    </ChartFrame>
  );
}

export function LineChart({ title, series, format }: ChartProps) {
  const label = format ?? String;
  const { top, points, path } = linePoints(
    series.map((point) => point.value),
    plot,
  );
  return (
    <ChartFrame title={title} series={series} label={label} top={top} whole={!format}>
      <polyline className="trend" points={path} fill="none" />
      {points.map((point, index) => (
        <circle key={series[index]?.label ?? index} className="dot" cx={point.x} cy={point.y} r={4}>
          <title>{`${series[index]?.label}: ${label(series[index]?.value ?? 0)}`}</title>
        </circle>
      ))}
    </ChartFrame>
  );
}
