import type { RefObject } from 'react';

type Props = {
  readonly title: string;
  readonly purpose: string;
  readonly headingRef: RefObject<HTMLHeadingElement | null>;
};

/** An area whose features are not in this build yet: says so instead of showing fake data. */
export function PlannedArea({ title, purpose, headingRef }: Props) {
  return (
    <section aria-labelledby="area-heading" className="page">
      <h1 id="area-heading" ref={headingRef} tabIndex={-1}>
        {title}
      </h1>
      <p className="page-purpose">{purpose}</p>
      <div className="empty-state" role="note">
        <p>
          <strong>Not available in this build.</strong> This area is part of the workstation plan
          and will be enabled when its service is installed.
        </p>
      </div>
    </section>
  );
}
