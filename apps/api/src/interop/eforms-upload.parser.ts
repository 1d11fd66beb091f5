import { API_BASE_PATH } from '@app/common';
import { EFORMS_UPLOAD_LIMIT_BYTES } from '@app/domain';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';

/** The eForms import route: the one route that takes XML and ZIP bodies. */
export const EFORMS_IMPORT_PATH = `${API_BASE_PATH}/imports/eforms`;
/** The media types of an eForms upload. */
export const EFORMS_UPLOAD_TYPES = [
  'application/xml',
  'text/xml',
  'application/zip',
  'application/x-zip-compressed',
];

export type EformsUploadRequest = FastifyRequest & { eformsUpload?: Readable };

function fastifyError(statusCode: number, code: string, message: string): Error {
  // Shaped as Fastify's own errors, so the exception filter answers them by their code.
  return Object.assign(new Error(message), { name: 'FastifyError', statusCode, code });
}

/**
 * An XML or ZIP body is not parsed here: on the eForms import route its stream is handed to the route (which spools
 * it to a file, counting it against the 50 MB limit), so it is never held in memory. A body announcing more than
 * the limit is refused before a byte is read; any other route answers 415 as for any type it does not take.
 */
export function parkEformsUpload(
  req: FastifyRequest,
  payload: Readable,
  done: (err: Error | null, body?: unknown) => void,
): void {
  if (req.routeOptions?.url !== EFORMS_IMPORT_PATH)
    return done(fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE', 'Unsupported Media Type'));
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > EFORMS_UPLOAD_LIMIT_BYTES)
    return done(fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large'));
  (req as EformsUploadRequest).eformsUpload = payload;
  // An empty object for the input edge guard (which cleans JSON bodies); the upload is the stream.
  done(null, {});
}
