import { useId } from "react";
import { chartValue, FEWER_THAN_FIVE } from "../../models/statistics";

type Bar = { label: string; value: number };

/**
 * A bar chart as SVG, for the eye; the table beside it carries the same figures for
 * screen readers and for copying. Counts below five are drawn as an empty bar marked
 * "färre än 5", never at their real height.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const shown = bars.map((b) => ({ ...b, shown: chartValue(b.value) }));
  const max = Math.max(1, ...shown.map((b) => b.shown ?? 0));
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 300;
  const height = shown.length * rowHeight + 8;
  return (
    <figure className="chart">
      <svg role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${labelWidth + barWidth + 110} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{`${title}. Samma siffror finns i tabellen.`}</title>
        {shown.map((b, i) => {
          const y = i * rowHeight + 4;
          const width = b.shown === null ? 0 : (b.shown / max) * barWidth;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart__label">
                {b.label}
              </text>
              {b.shown === null ? (
                <rect x={labelWidth} y={y + 3} width={24} height={rowHeight - 10} className="chart__bar chart__bar--hidden" />
              ) : (
                <rect x={labelWidth} y={y + 3} width={Math.max(width, b.shown > 0 ? 2 : 0)} height={rowHeight - 10} className="chart__bar" />
              )}
              <text x={labelWidth + (b.shown === null ? 30 : width + 6)} y={y + 17} className="chart__value">
                {b.shown === null ? FEWER_THAN_FIVE : b.shown}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
