import type { Schemas } from '../../api/client';
import { ProgressBar } from '../../ui/Bits';
import { ErrorAlert } from '../../ui/States';

/** A background job's progress; the bar and figures are announced politely. */
export function JobProgress({ job, label }: { job: Schemas['JobResponseDto']; label: string }) {
  return (
    <div role="status" aria-live="polite">
      <ProgressBar label={label} value={job.progress} max={100} />
      {job.status === 'failed' && job.error && <ErrorAlert error={new Error(job.error)} />}
    </div>
  );
}
