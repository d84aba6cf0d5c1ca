import { useId } from 'react';

import type { DaySummary } from '../../../../shared/review/daySummary';

import { ackBuckets, barHeights, bucketLabel, minutesText } from './chartScale';

type Props = { readonly timeToAck: DaySummary['timeToAck'] };

const W = 480;
const H = 160;
const PAD_B = 20;
const PLOT_H = H - PAD_B - 8;

/**
 * Time from receipt to CLETS acknowledgement for the day's acknowledged orders: a histogram in
 * minutes with the median, 90th percentile and longest written out beside it (and in a table).
 */
export function TimeToAckChart({ timeToAck }: Props) {
  const id = useId();
  const buckets = ackBuckets(timeToAck.samplesMs);
  const heights = barHeights(
    buckets.map((b) => b.count),
    PLOT_H,
  );
  const slot = W / buckets.length;
  const n = timeToAck.samplesMs.length;
  const figures = `median ${minutesText(timeToAck.p50Ms)}, 90th percentile ${minutesText(timeToAck.p90Ms)}, longest ${minutesText(timeToAck.maxMs)}`;
  const summary =
    n === 0
      ? 'No order was acknowledged by CLETS on this day.'
      : `${n} orders acknowledged: ${figures}.`;
  return (
    <figure className="review-chart" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`}>
        <h3>Time to CLETS acknowledgement</h3>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label="Histogram of time to CLETS acknowledgement"
        aria-describedby={`${id}-sum`}
        data-testid="ack-chart"
      >
        <line x1={0} y1={8 + PLOT_H} x2={W} y2={8 + PLOT_H} className="review-chart-axis" />
        {buckets.map((b, i) => (
          <g key={b.from}>
            <rect
              className="review-chart-bar"
              data-bucket={b.from}
              data-count={b.count}
              x={i * slot + 4}
              y={8 + PLOT_H - (heights[i] ?? 0)}
              width={slot - 8}
              height={heights[i] ?? 0}
            >
              <title>{`${bucketLabel(b)}: ${b.count}`}</title>
            </rect>
            <text
              x={i * slot + slot / 2}
              y={H - 6}
              textAnchor="middle"
              className="review-chart-tick"
            >
              {bucketLabel(b)}
            </text>
          </g>
        ))}
      </svg>
      <dl className="facts review-ack-figures">
        <dt>Median (p50)</dt>
        <dd>{minutesText(timeToAck.p50Ms)}</dd>
        <dt>90th percentile (p90)</dt>
        <dd>{minutesText(timeToAck.p90Ms)}</dd>
        <dt>Longest</dt>
        <dd>{minutesText(timeToAck.maxMs)}</dd>
      </dl>
      <p id={`${id}-sum`} className="review-chart-summary">
        {summary}
      </p>
      <details>
        <summary>Show time to acknowledgement as a table</summary>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Time to acknowledgement</th>
              <th scope="col">Orders</th>
            </tr>
          </thead>
          <tbody>
            {buckets.map((b) => (
              <tr key={b.from}>
                <th scope="row">{bucketLabel(b)}</th>
                <td>{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
