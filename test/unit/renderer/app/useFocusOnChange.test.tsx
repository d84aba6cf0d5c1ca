// @vitest-environment happy-dom
/**
 * The frame moves focus to the area heading when the area changes, never on first show: under
 * StrictMode (effects run twice on mount) a "first run" flag stole focus from the page's own
 * autofocus field.
 */
import { cleanup, render } from '@testing-library/react';
import { StrictMode, useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';

import { useFocusOnChange } from '../../../../src/renderer/app/useFocusOnChange';

afterEach(cleanup);

function Frame({ area }: { readonly area: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(area, heading);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {area}
      </h1>
      <input aria-label="first field" autoFocus key={area} />
    </>
  );
}

describe('useFocusOnChange', () => {
  it('leaves the autofocused field focused on first show, also under StrictMode', () => {
    const { getByLabelText } = render(
      <StrictMode>
        <Frame area="intake" />
      </StrictMode>,
    );
    expect(document.activeElement).toBe(getByLabelText('first field'));
  });

  it('moves focus to the heading when the area changes', () => {
    const { rerender, getByRole } = render(
      <StrictMode>
        <Frame area="intake" />
      </StrictMode>,
    );
    rerender(
      <StrictMode>
        <Frame area="orders" />
      </StrictMode>,
    );
    expect(document.activeElement).toBe(getByRole('heading', { name: 'orders' }));
  });
});
