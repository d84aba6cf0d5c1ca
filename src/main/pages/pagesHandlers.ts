/**
 * Handlers of the `pages:*` channels: work on stored page images that must not run in the
 * renderer (decoding, rotating, blank detection). Bytes in, bytes out; nothing is kept here.
 */
import { ServiceError } from '../../shared/ipc/envelope';
import type { Handlers } from '../ipc/dispatcher';

import { PageFormatError, assertMime, checkBlank } from './pipeline';
import { rotatePage } from './rotate';

type PagesHandlers = Pick<Handlers, 'pages:rotate-page' | 'pages:detect-blank'>;

/** Turns a format problem into the clerk-readable `invalid-input` error. */
async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PageFormatError) throw new ServiceError('invalid-input', error.message);
    throw error;
  }
}

/** The `pages:*` handlers; stateless, so one set serves every window. */
export function createPagesHandlers(): PagesHandlers {
  return {
    'pages:rotate-page': ({ page, degrees }) =>
      guarded(async () => {
        assertMime(page.bytes, page.mime);
        return rotatePage(page, degrees);
      }),
    'pages:detect-blank': ({ page, threshold }) =>
      guarded(async () => {
        assertMime(page.bytes, page.mime);
        return checkBlank(page.bytes, page.dpi ?? 300, threshold);
      }),
  };
}
