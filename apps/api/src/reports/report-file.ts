import type { ReportDownload } from '@app/domain';
import { StreamableFile } from '@nestjs/common';

/** The stored file as an attachment; file names are ASCII, so the plain quoted form is enough. */
export function reportFile(f: ReportDownload): StreamableFile {
  return new StreamableFile(f.stream, {
    type: f.contentType,
    disposition: `attachment; filename="${f.fileName}"`,
    length: f.sizeBytes,
  });
}
