import { AppError } from '@app/common';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as yauzl from 'yauzl';

/** The largest upload the route takes (one notice or a ZIP of notices). */
export const EFORMS_UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;
/** A ZIP is refused past these (zip bombs): entries, all entries uncompressed, one entry uncompressed. */
export const ZIP_MAX_ENTRIES = 20_000;
export const ZIP_MAX_TOTAL_BYTES = 512 * 1024 * 1024;
export const ZIP_MAX_ENTRY_BYTES = 20 * 1024 * 1024;

export enum EformsUploadErrorCode {
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  ZipTooLarge = 'ZIP_TOO_LARGE',
  InvalidZip = 'INVALID_ZIP',
  EmptyUpload = 'EMPTY_UPLOAD',
  NoNotices = 'NO_NOTICES',
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
}

/** An AppError answered with a status the error kinds do not name (413, 415). */
export class UploadError extends AppError {
  constructor(
    private readonly httpStatus: number,
    code: string,
    message: string,
  ) {
    super('bad_request', code, message);
  }
  override get status(): number {
    return this.httpStatus;
  }
}

export const tooLarge = (): UploadError =>
  new UploadError(
    413,
    EformsUploadErrorCode.PayloadTooLarge,
    `The upload is larger than ${EFORMS_UPLOAD_LIMIT_BYTES / 1024 / 1024} MB`,
  );

export type UploadKind = 'xml' | 'zip';

/** The upload's kind by its content type; null when the route does not take it. */
export function uploadKind(contentType: string | undefined): UploadKind | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/xml' || type === 'text/xml') return 'xml';
  if (type === 'application/zip' || type === 'application/x-zip-compressed') return 'zip';
  return null;
}

export interface SpooledUpload {
  dir: string;
  file: string;
  bytes: number;
  sha256: string;
}

/**
 * Streams the request body to a temporary file (never into memory), hashing and counting it on the way; past the
 * limit the stream is cut off with a 413. The caller removes `dir`.
 */
export async function spool(body: Readable, limit = EFORMS_UPLOAD_LIMIT_BYTES): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'eforms-upload-'));
  const file = join(dir, 'upload');
  const hash = createHash('sha256');
  let bytes = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > limit) return done(tooLarge());
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return { dir, file, bytes, sha256: hash.digest('hex') };
}

export interface NoticeFile {
  name: string;
  /** Null: not a file the import reads (not .xml); reported by the worker. */
  xml: string | null;
}

/** The one notice of an XML upload (read once, as text). */
export async function readXmlUpload(up: SpooledUpload, name: string): Promise<NoticeFile> {
  return { name, xml: await readFile(up.file, 'utf8') };
}

const zipError = (message: string): UploadError =>
  new UploadError(400, EformsUploadErrorCode.InvalidZip, `The ZIP file cannot be read: ${message}`);
const bomb = (message: string): UploadError =>
  new UploadError(413, EformsUploadErrorCode.ZipTooLarge, message);

/**
 * The central directory's promise, checked before anything is inflated: at most ZIP_MAX_ENTRIES entries and
 * ZIP_MAX_TOTAL_BYTES uncompressed in all. Entries are then read one at a time, each cut off past its declared size
 * (yauzl checks it) and past ZIP_MAX_ENTRY_BYTES, so a lying header cannot inflate more either.
 */
export async function* zipNotices(up: SpooledUpload): AsyncGenerator<NoticeFile> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(up.file, { lazyEntries: true, validateEntrySizes: true, autoClose: false });
  } catch (err) {
    throw zipError((err as Error).message);
  }
  try {
    if (zip.entryCount > ZIP_MAX_ENTRIES)
      throw bomb(`The ZIP file has ${zip.entryCount} entries; at most ${ZIP_MAX_ENTRIES} are read`);
    let total = 0;
    let seen = 0;
    for await (const entry of zip.eachEntry()) {
      seen += 1;
      if (seen > ZIP_MAX_ENTRIES) throw bomb(`The ZIP file has more than ${ZIP_MAX_ENTRIES} entries`);
      const name = entry.fileName;
      if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
      total += entry.uncompressedSize;
      if (total > ZIP_MAX_TOTAL_BYTES)
        throw bomb(`The ZIP file holds more than ${ZIP_MAX_TOTAL_BYTES / 1024 / 1024} MB uncompressed`);
      if (!/\.xml$/i.test(name)) {
        yield { name, xml: null };
        continue;
      }
      if (entry.uncompressedSize > ZIP_MAX_ENTRY_BYTES)
        throw bomb(`${name} is larger than ${ZIP_MAX_ENTRY_BYTES / 1024 / 1024} MB uncompressed`);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch (err) {
        throw zipError(`${name}: ${(err as Error).message}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > ZIP_MAX_ENTRY_BYTES) {
            stream.destroy();
            throw bomb(`${name} is larger than ${ZIP_MAX_ENTRY_BYTES / 1024 / 1024} MB uncompressed`);
          }
          chunks.push(chunk);
        }
      } catch (err) {
        if (err instanceof UploadError) throw err;
        throw zipError(`${name}: ${(err as Error).message}`);
      }
      yield { name, xml: Buffer.concat(chunks, size).toString('utf8') };
    }
  } finally {
    zip.close();
  }
}

export async function removeSpool(up: SpooledUpload | null): Promise<void> {
  if (up) await rm(up.dir, { recursive: true, force: true });
}

export async function spoolSize(file: string): Promise<number> {
  return (await stat(file)).size;
}
