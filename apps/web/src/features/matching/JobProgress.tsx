import type { Schemas } from '../../api/client';
import { ProgressBar } from '../../ui/Bits';

/**
 * A background job's progress; the bar and figures are announced politely. A failed job's `error` is English, for
 * developers: the label says in the page's language that it failed.
 */
export function JobProgress({
  job,
  label,
}: {
  job: Pick<Schemas['JobResponseDto'], 'progress'>;
  label: string;
}) {
  return (
    <div role="status" aria-live="polite">
      <ProgressBar label={label} value={job.progress} max={100} />
    </div>
  );
}
