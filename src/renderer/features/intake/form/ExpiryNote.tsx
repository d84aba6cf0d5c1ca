import type { ExpiryPreview } from './expiryPreview';

/** The computed expiry and the rule behind it, under the Dates fields. */
export function ExpiryNote({ preview }: { readonly preview: ExpiryPreview }) {
  return (
    <div
      className={`computed-expiry computed-expiry-${preview.state}`}
      data-testid="computed-expiry"
    >
      <p>
        <strong>Computed expiry:</strong> {preview.text}
      </p>
      {preview.state === 'computed' && <p className="hint">{preview.explanation}</p>}
    </div>
  );
}
