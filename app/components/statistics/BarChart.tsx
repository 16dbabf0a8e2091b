import { useId } from "react";
import { cellText, type Cell } from "../../models/statistics";

type Bar = { label: string; value: Cell };

/**
 * A bar chart as SVG, for the eye; the table beside it carries the same figures for
 * screen readers and for copying. It draws exactly what the table prints: a hidden cell
 * ("färre än 5", "dolt") is an empty, dashed bar of one fixed width with the table's word
 * beside it, never a bar of its real height, and the scale is set by the printed figures only.
 */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  const id = useId();
  const shown = bars.map((b) => ({ label: b.label, value: typeof b.value === "number" ? b.value : null, text: cellText(b.value, "count") }));
  const max = Math.max(1, ...shown.map((b) => b.value ?? 0));
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
          const width = b.value === null ? 0 : (b.value / max) * barWidth;
          return (
            <g key={b.label}>
              <text x={labelWidth - 8} y={y + 17} textAnchor="end" className="chart__label">
                {b.label}
              </text>
              {b.value === null ? (
                <rect x={labelWidth} y={y + 3} width={24} height={rowHeight - 10} className="chart__bar chart__bar--hidden" />
              ) : (
                <rect x={labelWidth} y={y + 3} width={Math.max(width, b.value > 0 ? 2 : 0)} height={rowHeight - 10} className="chart__bar" />
              )}
              <text x={labelWidth + (b.value === null ? 30 : width + 6)} y={y + 17} className="chart__value">
                {b.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
