/**
 * Keystroke-to-rendered validation on the largest generated form (DV-130 with two protected
 * persons), against rendering the same form without validation. React + happy-dom in Node:
 * each sample changes one field, re-renders, and (measured case) runs the shared checkOrder
 * and renders the messages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Window } from 'happy-dom';
import { createElement } from 'react';
import type { ReactElement } from 'react';

import { median, timeMs } from '../harness';
import type { BenchCase } from '../harness';

export const cases: BenchCase[] = [
  {
    name: 'form keystroke to rendered validation (DV-130)',
    unit: 'ms',
    better: 'lower',
    target: '≤ 16 ms',
    async run() {
      const window = new Window({ url: 'http://127.0.0.1/' });
      const g = globalThis as Record<string, unknown>;
      const saved = new Map<string, unknown>();
      for (const key of [
        'window',
        'document',
        'navigator',
        'HTMLElement',
        'Node',
        'Element',
        'Event',
        'MutationObserver',
        'getComputedStyle',
        'requestAnimationFrame',
        'cancelAnimationFrame',
      ]) {
        saved.set(key, g[key]);
        g[key] = (window as unknown as Record<string, unknown>)[key];
      }
      g.IS_REACT_ACT_ENVIRONMENT = true;
      const { act } = await import('react');
      const { createRoot } = await import('react-dom/client');
      const { OrderForm } = await import('../../src/renderer/features/intake/form/OrderForm');
      const { buildFormSpec, fieldKeys } =
        await import('../../src/renderer/features/intake/form/formSpec');
      const { orderToValues } = await import('../../src/renderer/features/intake/form/toOrder');
      const { checkForm } = await import('../../src/renderer/features/intake/form/validateForm');
      const { entryFor } = await import('../../src/renderer/features/intake/currentEntries');

      const order = JSON.parse(
        readFileSync(
          path.resolve(__dirname, '../../test/fixtures/orders/DV-130.valid.json'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      const entry = entryFor('DV-130', '2026-12-02T10:00:00-08:00');
      if (!entry) throw new Error('DV-130 missing from the catalog');
      const sections = buildFormSpec(entry);
      const base = orderToValues(order);
      const keys = fieldKeys(sections, { 'protected.count': Number(base['protected.count']) });
      const container = window.document.createElement('div');
      window.document.body.appendChild(container);
      const root = createRoot(container as unknown as HTMLElement);
      const noop = () => {};
      const render = (el: ReactElement) => act(() => root.render(el));

      const sample = async (validate: boolean, i: number) => {
        // One keystroke: the last name grows by a letter (or is cleared) and the form re-renders.
        const values = {
          ...base,
          'restrained.name.last': i % 12 === 0 ? '' : `Parker${'x'.repeat(i % 12)}`,
        };
        const errors = validate
          ? checkForm(entry, values, String(order.id), keys, '2026-12-02T10:00:00-08:00').errors
          : {};
        await render(
          createElement(OrderForm, { sections, values, errors, onChange: noop, onBlur: noop }),
        );
      };
      await timeMs(30, (i) => sample(true, i));
      await timeMs(30, (i) => sample(false, i));
      const values = await timeMs(300, (i) => sample(true, i));
      const floor = await timeMs(300, (i) => sample(false, i));
      await act(() => root.unmount());
      await window.happyDOM.close();
      // Leave the process as we found it for the cases that run after this one.
      for (const [key, value] of saved) g[key] = value;
      return {
        values,
        floor,
        notes: [
          `checkOrder share ≈ ${(median(values) - median(floor)).toFixed(2)} ms per keystroke`,
        ],
      };
    },
  },
];
