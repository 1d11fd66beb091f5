import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import type { TestApp } from '../support/app';
import { bearer, Session } from '../support/factories';

/** Supertest parser that keeps the body as raw bytes whatever the content type. */
export function rawBody(res: Response, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** Text of a PDF (or of pages `first`..`last` of it) as poppler's pdftotext extracts it (reading order). */
export function pdfText(pdf: Buffer, pages?: { first: number; last: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls the report until the worker has finished it (with a deadline, never a fixed sleep). */
export async function waitForReport(
  t: TestApp,
  who: Session,
  id: string,
  deadlineMs = 30_000,
): Promise<Record<string, unknown>> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const res = await t
      .http()
      .get(`/api/v1/reports/${id}`)
      .set(...bearer(who))
      .expect(200);
    if (res.body.status === 'done' || res.body.status === 'failed') return res.body;
    if (Date.now() > until) throw new Error(`report ${id} still ${res.body.status} after ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function download(t: TestApp, who: Session, id: string, status = 200): Promise<Response> {
  return t
    .http()
    .get(`/api/v1/reports/${id}/download`)
    .set(...bearer(who))
    .buffer(true)
    .parse(rawBody)
    .expect(status);
}
