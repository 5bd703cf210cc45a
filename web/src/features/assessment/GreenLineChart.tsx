import { useId } from 'react';
import {
  CATEGORY_MAX,
  chartSummary,
  GREEN_LINE,
  meterGeometry,
  rowDescription,
  STATUS_LABELS,
  type ChartRow,
} from './chart';

/** One category's meter: its score against the Green Line, as an image with words. */
function Meter({ row }: { row: ChartRow }) {
  const id = useId();
  const g = meterGeometry(row.score);
  return (
    <svg
      className="gl-meter"
      viewBox={`0 0 ${g.width} ${g.height}`}
      preserveAspectRatio="none"
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
      focusable="false"
    >
      <title id={`${id}-title`}>{`${row.label} against the Green Line`}</title>
      <desc id={`${id}-desc`}>{rowDescription(row)}</desc>
      <rect
        className="gl-meter__band gl-meter__band--below"
        x={0}
        y={0}
        width={g.transition}
        height={g.height}
      />
      <rect
        className="gl-meter__band gl-meter__band--transition"
        x={g.transition}
        y={0}
        width={g.greenLine - g.transition}
        height={g.height}
      />
      <rect
        className="gl-meter__band gl-meter__band--above"
        x={g.greenLine}
        y={0}
        width={g.width - g.greenLine}
        height={g.height}
      />
      <rect
        className={`gl-meter__bar gl-meter__bar--${row.status ?? 'none'}`}
        x={0}
        y={g.height * 0.25}
        width={g.bar}
        height={g.height * 0.5}
      />
      <rect className="gl-meter__line" x={g.greenLine - 1.5} y={0} width={3} height={g.height} />
    </svg>
  );
}

/**
 * The Green Line chart: for each category a meter (an accessible SVG image) with its score, percent
 * and status written beside it as text.
 */
export function GreenLineChart({ rows, caption }: { rows: ChartRow[]; caption: string }) {
  const id = useId();
  return (
    <figure className="gl-chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`} className="gl-chart__caption">
        {caption} <span className="gl-chart__summary">{chartSummary(rows)}</span>
      </figcaption>
      <p className="gl-chart__legend" aria-hidden="true">
        <span className="gl-legend gl-legend--line">
          Green Line at {GREEN_LINE} of {CATEGORY_MAX}
        </span>
      </p>
      <ul className="gl-chart__rows">
        {rows.map((row) => (
          <li key={row.key} className="gl-chart__row" data-category={row.key}>
            <div className="gl-chart__head">
              <span className="gl-chart__name">{row.label}</span>
              <span className="gl-chart__score">
                <strong>{row.score}</strong> of {CATEGORY_MAX} · {row.percent}%
              </span>
            </div>
            <Meter row={row} />
            <span className={`gl-status gl-status--${row.status ?? 'none'}`}>
              {row.status ? STATUS_LABELS[row.status] : 'Not scored yet'}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
