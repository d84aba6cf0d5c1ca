// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { ActionsTableHead } from '../../../../src/renderer/components/ActionsTableHead';
import { EditForm } from '../../../../src/renderer/components/EditForm';
import type { FormErrors } from '../../../../src/renderer/components/EditForm';
import { describedByIds, LabelledField } from '../../../../src/renderer/components/LabelledField';

afterEach(cleanup);

const form = (errors: FormErrors | null, busy = false) => ({ errors, busy, submit: vi.fn() });

describe('EditForm', () => {
  it('names itself from the noun and cancels on Escape', () => {
    const onCancel = vi.fn();
    render(
      <EditForm noun="printer" heading="Add a printer" form={form(null)} onCancel={onCancel}>
        <input id="printer-name" aria-label="Printer name" />
      </EditForm>,
    );
    const el = screen.getByRole('form', { name: 'Add a printer' });
    expect(el.className).toBe('printer-form');
    expect(screen.getByRole('button', { name: 'Save printer' })).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText('Printer name'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('focuses the error summary, whose lines link to their fields', async () => {
    const errors: FormErrors = { summary: 'Not saved.', fields: { uri: 'Give the address.' } };
    const { rerender } = render(
      <EditForm noun="printer" heading="Add" form={form(null)} onCancel={() => {}}>
        <input id="printer-uri" />
      </EditForm>,
    );
    await act(async () => {
      rerender(
        <EditForm noun="printer" heading="Add" form={form(errors)} onCancel={() => {}}>
          <input id="printer-uri" />
        </EditForm>,
      );
    });
    const summary = screen.getByRole('alert');
    expect(document.activeElement).toBe(summary);
    expect(screen.getByRole('link', { name: 'Give the address.' }).getAttribute('href')).toBe(
      '#printer-uri',
    );
  });

  it('says Saving… and disables Save while busy; the Esc key hint is hidden from readers', () => {
    render(
      <EditForm noun="printer" heading="Add" form={form(null, true)} showEscKey onCancel={() => {}}>
        <span />
      </EditForm>,
    );
    const save = screen.getByRole('button', { name: 'Saving…' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    const cancel = screen.getByRole('button', { name: /Cancel/ });
    expect(cancel.querySelector('kbd')?.getAttribute('aria-hidden')).toBe('true');
  });
});

describe('LabelledField', () => {
  it('ties the hint and error to the control by id', () => {
    const error = 'Required.';
    render(
      <LabelledField id="scanner-name" label="Scanner name" hint="As clerks see it." error={error}>
        <input id="scanner-name" aria-describedby={describedByIds('scanner-name', true, error)} />
      </LabelledField>,
    );
    const input = screen.getByLabelText('Scanner name');
    expect(input.getAttribute('aria-describedby')).toBe('scanner-name-hint scanner-name-error');
    expect(input.parentElement?.className).toBe('field has-error');
    expect(document.getElementById('scanner-name-error')?.textContent).toBe(error);
  });

  it('leaves aria-describedby off when there is neither hint nor error', () => {
    expect(describedByIds('x', false, undefined)).toBeUndefined();
    expect(describedByIds('x', true, undefined)).toBe('x-hint');
  });
});

describe('ActionsTableHead', () => {
  it('adds an actions column named for screen readers only', () => {
    render(
      <table>
        <ActionsTableHead columns={['Name', 'Status']} />
      </table>,
    );
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Name', 'Status', 'Actions']);
    expect(screen.getByText('Actions').className).toBe('visually-hidden');
  });
});
