// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import { PerHourChart } from '../../../../src/renderer/features/review/charts/PerHourChart';
import { TimeToAckChart } from '../../../../src/renderer/features/review/charts/TimeToAckChart';
import {
  ackBuckets,
  barHeights,
  hourLabel,
} from '../../../../src/renderer/features/review/charts/chartScale';

afterEach(cleanup);

const heightOf = (el: Element | null) => Number(el?.getAttribute('height'));

describe('chart scales', () => {
  it('makes bar heights proportional, the largest filling the plot', () => {
    expect(barHeights([0, 5, 2, 10], 100)).toEqual([0, 50, 20, 100]);
    expect(barHeights([0, 0], 100)).toEqual([0, 0]);
    expect(hourLabel(0)).toBe('12 AM');
    expect(hourLabel(13)).toBe('1 PM');
  });

  it('buckets acknowledgement times by minutes, the last bucket open-ended', () => {
    const b = ackBuckets([60_000, 5 * 60_000, 29 * 60_000, 3 * 3_600_000]);
    expect(b.map((x) => x.count)).toEqual([1, 1, 1, 0, 0, 1]);
  });
});

describe('PerHourChart', () => {
  const perHour = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    count: hour === 9 ? 5 : hour === 10 ? 2 : 0,
  }));

  it('draws 24 bars whose heights follow the counts, court hours shaded', () => {
    const { container } = render(<PerHourChart perHour={perHour} />);
    const bars = container.querySelectorAll('rect.review-chart-bar');
    expect(bars).toHaveLength(24);
    const nine = heightOf(container.querySelector('rect[data-hour="9"]'));
    const ten = heightOf(container.querySelector('rect[data-hour="10"]'));
    expect(nine).toBeGreaterThan(0);
    expect(ten / nine).toBeCloseTo(2 / 5, 5);
    expect(heightOf(container.querySelector('rect[data-hour="3"]'))).toBe(0);
    expect(container.querySelector('[data-court-hours="8-17"]')).not.toBeNull();
  });

  it('has a text alternative and a data table', () => {
    render(<PerHourChart perHour={perHour} />);
    const img = screen.getByRole('img', { name: 'Bar chart of submissions per hour' });
    const described = document.getElementById(img.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toContain('7 submissions received; busiest hour 9 AM with 5');
    const table = screen.getByRole('table');
    const nine = within(table).getByRole('rowheader', { name: '9 AM (court hours)' });
    expect(nine.parentElement?.textContent).toContain('5');
    expect(within(table).getAllByRole('row')).toHaveLength(25);
  });

  it('says so when nothing was received', () => {
    render(<PerHourChart perHour={[]} />);
    expect(screen.getByText('No submissions received on this day.')).toBeTruthy();
  });
});

describe('TimeToAckChart', () => {
  it('shows the histogram and p50, p90 and longest in minutes, also as text', () => {
    const { container } = render(
      <TimeToAckChart
        timeToAck={{
          samplesMs: [60_000, 2 * 60_000, 3 * 60_000, 20 * 60_000],
          p50Ms: 2.5 * 60_000,
          p90Ms: 20 * 60_000,
          maxMs: 20 * 60_000,
        }}
      />,
    );
    const first = heightOf(container.querySelector('rect[data-bucket="0"]'));
    const third = heightOf(container.querySelector('rect[data-bucket="15"]'));
    expect(third / first).toBeCloseTo(1 / 3, 5);
    const img = screen.getByRole('img', { name: 'Histogram of time to CLETS acknowledgement' });
    const described = document.getElementById(img.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toBe(
      '4 orders acknowledged: median 2.5 min, 90th percentile 20 min, longest 20 min.',
    );
    const row = screen.getByRole('rowheader', { name: '0–5 min' });
    expect(row.parentElement?.textContent).toContain('3');
  });

  it('says so when nothing was acknowledged', () => {
    render(<TimeToAckChart timeToAck={{ samplesMs: [], p50Ms: null, p90Ms: null, maxMs: null }} />);
    expect(screen.getByText('No order was acknowledged by CLETS on this day.')).toBeTruthy();
  });
});
