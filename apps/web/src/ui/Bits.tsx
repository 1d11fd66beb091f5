import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { GlossaryList } from '@glossary';
import { useT } from '../i18n/LocaleProvider';

/** A status as a badge with its word from the glossary; the raw value stays available for styling. */
export function Status({ list, value }: { list: GlossaryList; value: string }) {
  const { term } = useT();
  return (
    <StatusBadge status={value} className={`bs-status bs-status--${value}`}>
      {term(list, value)}
    </StatusBadge>
  );
}

/** Verified and claimed progress against an amount, as a labelled bar with the figures in words. */
export function ProgressBar({ label, value, max }: { label: string; value: number; max: number }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="bs-progress">
      <progress value={pct} max={100} aria-label={label} />
      <span>{label}</span>
    </div>
  );
}

export function pct(value: number, max: number): number {
  return max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
}

/** The sentence under a page's heading that says what the page is for. */
export function Lead({ children }: { children: ReactNode }) {
  return <Paragraph appearance="lead">{children}</Paragraph>;
}
