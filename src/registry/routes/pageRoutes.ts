/**
 * Chunked, resumable page-image upload and download (content-addressed by SHA-256).
 *
 * PUT  /v1/pages/:sha256          one chunk, `Content-Range: bytes START-END/TOTAL`, body = bytes
 * HEAD /v1/pages/:sha256          Upload-Offset / Upload-Length / Page-Complete headers
 * GET  /v1/pages/:sha256/status   the same as JSON
 * GET  /v1/pages/:sha256          the bytes of a complete page named by an order of the court
 */
import type { FastifyInstance } from 'fastify';

import { errorBody, RegistryError } from '../errors';
import { pageStatus, parseContentRange, putChunk, readPage } from '../pages/pageStore';
import type { RegistryDeps } from '../server';

import { requireDevice } from './auth';

type P = { Params: { sha256: string } };

/** Registers the /v1/pages routes and the octet-stream body parser they need. */
export function registerPageRoutes(app: FastifyInstance, deps: RegistryDeps): void {
  const { db } = deps;
  const limits = {
    maxPageBytes: deps.config.maxPageBytes,
    maxChunkBytes: deps.config.maxChunkBytes,
  };

  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer', bodyLimit: limits.maxChunkBytes },
    (_request, body, done) => done(null, body),
  );

  app.put<P>('/v1/pages/:sha256', async (request) => {
    const device = await requireDevice(db, request);
    const range = parseContentRange(request.headers['content-range']);
    const body = request.body;
    if (!(body instanceof Uint8Array)) {
      throw new RegistryError(
        415,
        'octet-stream-required',
        'Send page chunks as Content-Type: application/octet-stream.',
      );
    }
    return putChunk(db, device.courtOri, request.params.sha256, range, body, limits);
  });

  app.head<P>('/v1/pages/:sha256', async (request, reply) => {
    const device = await requireDevice(db, request);
    const status = await pageStatus(db, device.courtOri, request.params.sha256);
    if (!status) return reply.status(404).send();
    return reply
      .header('Upload-Offset', String(status.received))
      .header('Upload-Length', String(status.length))
      .header('Page-Complete', String(status.complete))
      .header('Cache-Control', 'no-store')
      .status(200)
      .send();
  });

  app.get<P>('/v1/pages/:sha256/status', async (request, reply) => {
    const device = await requireDevice(db, request);
    const status = await pageStatus(db, device.courtOri, request.params.sha256);
    if (!status)
      return reply
        .status(404)
        .send(
          errorBody(
            'page-not-found',
            'The registry has no bytes of this page yet; start the upload at offset 0.',
            { received: 0 },
          ),
        );
    return status;
  });

  app.get<P>('/v1/pages/:sha256', async (request, reply) => {
    const device = await requireDevice(db, request);
    const bytes = await readPage(db, device.courtOri, request.params.sha256);
    if (!bytes)
      return reply
        .status(404)
        .send(
          errorBody(
            'page-not-found',
            'No complete page with this id belongs to an order of your court.',
          ),
        );
    return reply
      .header('Content-Type', 'application/octet-stream')
      .header('Cache-Control', 'no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
