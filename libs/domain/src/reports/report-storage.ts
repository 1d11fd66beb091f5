import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';

/** Chunks of the stored file; large enough to keep the row count low, small enough to stream. */
export const CHUNK_BYTES = 1024 * 1024;

export interface StoredFile {
  sizeBytes: number;
  sha256: string;
}

/**
 * Writes a report file into `report_file_chunk` as it is produced, hashing on the way: memory stays at one
 * chunk whatever the file size. Runs in the caller's transaction, so the file appears whole or not at all.
 */
export class ChunkWriter {
  private parts: Buffer[] = [];
  private pending = 0;
  private seq = 0;
  private size = 0;
  private readonly hash = createHash('sha256');

  constructor(
    private readonly m: EntityManager,
    private readonly reportId: string,
  ) {}

  async write(data: Buffer | string): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (!buf.length) return;
    this.hash.update(buf);
    this.size += buf.length;
    this.parts.push(buf);
    this.pending += buf.length;
    if (this.pending >= CHUNK_BYTES) await this.flush();
  }

  async end(): Promise<StoredFile> {
    await this.flush();
    return { sizeBytes: this.size, sha256: this.hash.digest('hex') };
  }

  private async flush(): Promise<void> {
    if (!this.pending) return;
    const data = Buffer.concat(this.parts, this.pending);
    this.parts = [];
    this.pending = 0;
    await this.m.query('INSERT INTO report_file_chunk (report_id, seq, data) VALUES ($1, $2, $3)', [
      this.reportId,
      this.seq,
      data,
    ]);
    this.seq += 1;
  }
}

/** The stored file as a stream, read one chunk at a time. */
export function readStoredFile(ds: DataSource, reportId: string): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq += 1) {
      const rows: { data: Buffer }[] = await ds.query(
        'SELECT data FROM report_file_chunk WHERE report_id = $1 AND seq = $2',
        [reportId, seq],
      );
      if (!rows.length) return;
      yield rows[0].data;
    }
  }
  return Readable.from(chunks());
}
