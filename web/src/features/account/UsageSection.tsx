import { useId, useState } from 'react';
import { formatNumber } from '../../ui/format';
import type { UsageSummary } from './api';
import {
  actionLabel,
  defaultMetric,
  fillDays,
  layoutBars,
  shortDay,
  type DayUsage,
  type Metric,
} from './usage';

function amount(value: number, metric: Metric): string {
  const unit = metric === 'tokens' ? ['token', 'tokens'] : ['call', 'calls'];
  return `${formatNumber(value)} ${value === 1 ? unit[0] : unit[1]}`;
}

function Chart({ days, metric }: { days: DayUsage[]; metric: Metric }) {
  const id = useId();
  const layout = layoutBars(days, metric);
  const first = days[0];
  const last = days.at(-1);
  const busiest = days.reduce<DayUsage | undefined>(
    (best, d) => (d[metric] > (best?.[metric] ?? 0) ? d : best),
    undefined,
  );
  const range = first && last ? `${shortDay(first.day)} to ${shortDay(last.day)}` : '';
  return (
    <figure className="account-chart">
      <p className="account-chart__scale">Top line: {amount(layout.top, metric)} in a day</p>
      <svg
        className="account-chart__svg"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        focusable="false"
      >
        <title id={`${id}-title`}>
          {metric === 'tokens' ? 'Tokens' : 'Calls'} per day, {range}
        </title>
        <desc id={`${id}-desc`}>
          {busiest
            ? `The most in a day: ${amount(busiest[metric], metric)} on ${shortDay(busiest.day)}. Each day with usage is listed in the table below.`
            : 'No usage in these days.'}
        </desc>
        {layout.grid.map((line) => (
          <line
            key={line.value}
            className={line.value === 0 ? 'account-chart__base' : 'account-chart__grid'}
            x1={0}
            x2={layout.width}
            y1={Math.min(layout.height - 0.5, Math.max(0.5, line.y))}
            y2={Math.min(layout.height - 0.5, Math.max(0.5, line.y))}
          />
        ))}
        {layout.bars.map((bar) => (
          <rect
            key={bar.day}
            className="account-chart__bar"
            x={bar.x}
            y={bar.y}
            width={bar.width}
            height={bar.height}
            rx={Math.min(3, bar.width / 2)}
            data-day={bar.day}
            data-value={bar.value}
          >
            <title>{`${shortDay(bar.day)}: ${amount(bar.value, metric)}`}</title>
          </rect>
        ))}
      </svg>
      <div className="account-chart__axis" aria-hidden="true">
        <span>{first ? shortDay(first.day) : ''}</span>
        <span>{last ? shortDay(last.day) : ''}</span>
      </div>
      <figcaption className="vf-card__note">One bar per day (days are counted in UTC).</figcaption>
    </figure>
  );
}

/** Usage over the last 30 days: a bar chart by day, and the numbers as tables. */
export function UsageSection({ summary }: { summary: UsageSummary }) {
  const days = fillDays(summary.from, summary.to, summary.per_day);
  const [chosen, setChosen] = useState<Metric | null>(null);
  const metric = chosen ?? defaultMetric(days);
  const used = days.filter((d) => d.calls > 0 || d.tokens > 0);
  const total = summary.total ?? {};
  const actions = (summary.per_action ?? []).filter(
    (a) => (a.calls ?? 0) > 0 || (a.tokens ?? 0) > 0,
  );
  const name = useId();

  return (
    <>
      <p className="account-usage__total">
        {amount(total.tokens ?? 0, 'tokens')} over {amount(total.calls ?? 0, 'calls')} in these 30
        days.
      </p>
      <fieldset className="account-metric">
        <legend className="account-metric__legend">Chart</legend>
        {(['tokens', 'calls'] as const).map((value) => (
          <label key={value} className="account-metric__option">
            <input
              type="radio"
              name={name}
              value={value}
              checked={metric === value}
              onChange={() => setChosen(value)}
            />
            {value === 'tokens' ? 'Tokens' : 'Calls'}
          </label>
        ))}
      </fieldset>
      <Chart days={days} metric={metric} />
      {used.length === 0 ? (
        <p className="account-empty">No AI use in these 30 days.</p>
      ) : (
        <div className="account-tables">
          <table className="account-table" id="account-usage-days">
            <caption>Days with usage</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Tokens</th>
                <th scope="col">Calls</th>
              </tr>
            </thead>
            <tbody>
              {used.map((d) => (
                <tr key={d.day} data-day={d.day}>
                  <th scope="row">{shortDay(d.day)}</th>
                  <td>{formatNumber(d.tokens)}</td>
                  <td>{formatNumber(d.calls)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="account-table">
            <caption>By kind of use</caption>
            <thead>
              <tr>
                <th scope="col">Use</th>
                <th scope="col">Tokens</th>
                <th scope="col">Calls</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.key ?? 'other'}>
                  <th scope="row">{actionLabel(a.key)}</th>
                  <td>{formatNumber(a.tokens ?? 0)}</td>
                  <td>{formatNumber(a.calls ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
