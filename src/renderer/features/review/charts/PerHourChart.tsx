import { useId } from 'react';

import { DEFAULT_COURT_HOURS } from '../../../../shared/calendar/courtCalendar';

import { barHeights, hourLabel } from './chartScale';

type Props = {
  /** Submissions received per local hour (the summary's `perHour`, any order, gaps allowed). */
  readonly perHour: readonly { readonly hour: number; readonly count: number }[];
};

const W = 480;
const H = 160;
const PAD_L = 28;
const PAD_B = 20;
const PLOT_W = W - PAD_L - 4;
const PLOT_H = H - PAD_B - 8;
const SLOT = PLOT_W / 24;

const openHour = Number(DEFAULT_COURT_HOURS.open.slice(0, 2));
const closeHour = Number(DEFAULT_COURT_HOURS.close.slice(0, 2));

/**
 * Submissions per hour of the court day: 24 bars (midnight to 11 PM, court time), court hours
 * shaded. The picture is `role="img"` with a one-sentence summary; the numbers are in a table
 * under "Show as a table" for screen readers and anyone who wants them.
 */
export function PerHourChart({ perHour }: Props) {
  const id = useId();
  const counts = Array.from(
    { length: 24 },
    (_, h) => perHour.find((p) => p.hour === h)?.count ?? 0,
  );
  const heights = barHeights(counts, PLOT_H);
  const total = counts.reduce((a, b) => a + b, 0);
  const max = Math.max(0, ...counts);
  const busiest = counts.indexOf(max);
  const summary =
    total === 0
      ? 'No submissions received on this day.'
      : `${total} submissions received; busiest hour ${hourLabel(busiest)} with ${max}. Court hours ${hourLabel(openHour)} to ${hourLabel(closeHour)} are shaded.`;
  return (
    <figure className="review-chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <h3>Submissions per hour</h3>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="Bar chart of submissions per hour"
        aria-describedby={`${id}-sum`}
        data-testid="per-hour-chart"
      >
        <rect
          className="review-chart-shade"
          x={PAD_L + openHour * SLOT}
          y={8}
          width={(closeHour - openHour) * SLOT}
          height={PLOT_H}
          data-court-hours={`${openHour}-${closeHour}`}
        />
        <line x1={PAD_L} y1={8 + PLOT_H} x2={W - 4} y2={8 + PLOT_H} className="review-chart-axis" />
        <text x={PAD_L - 4} y={14} textAnchor="end" className="review-chart-tick">
          {max}
        </text>
        <text x={PAD_L - 4} y={8 + PLOT_H} textAnchor="end" className="review-chart-tick">
          0
        </text>
        {counts.map((count, hour) => (
          <g key={hour}>
            <rect
              className="review-chart-bar"
              data-hour={hour}
              data-count={count}
              x={PAD_L + hour * SLOT + 1}
              y={8 + PLOT_H - (heights[hour] ?? 0)}
              width={SLOT - 2}
              height={heights[hour] ?? 0}
            >
              <title>{`${hourLabel(hour)}: ${count}`}</title>
            </rect>
            {hour % 3 === 0 && (
              <text
                x={PAD_L + hour * SLOT + SLOT / 2}
                y={H - 6}
                textAnchor="middle"
                className="review-chart-tick"
              >
                {hourLabel(hour)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <p id={`${id}-sum`} className="review-chart-summary">
        {summary}
      </p>
      <details>
        <summary>Show submissions per hour as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Hour (court time)</th>
              <th scope="col">Submissions</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((count, hour) => (
              <tr key={hour}>
                <th scope="row">
                  {hourLabel(hour)}
                  {hour >= openHour && hour < closeHour ? ' (court hours)' : ''}
                </th>
                <td>{count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
