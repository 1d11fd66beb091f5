import {
  Button,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { useDebounced } from '../../ui/hooks';
import { useCpvSearch } from './search-api';

type Cpv = Schemas['CpvItemDto'];

/**
 * Search-then-choose: the person types a code or words (Dutch or English), the API's matches appear as a list of
 * buttons, and the chosen code shows with its Dutch or English label and a button to clear it.
 */
export function CpvPicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: Cpv | null;
  onChange: (v: Cpv | null) => void;
  error?: string;
}) {
  const { t, locale } = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const results = useCpvSearch(debounced);
  const labelOf = (c: Cpv) => (locale === 'nl' ? c.labelNl : c.labelEn);
  const items = results.data?.items ?? [];

  return (
    <div className={`bs-cpv utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-desc`}>{t('cpv.help')}</FormFieldDescription>
      {error && (
        <div className="utrecht-form-field-error-message bs-field__error" id={`${id}-err`}>
          {error}
        </div>
      )}
      {value && (
        <div className="bs-cpv__chosen">
          <Paragraph>{t('cpv.chosen', { code: value.code, label: labelOf(value) })}</Paragraph>
          <Button appearance="subtle-button" type="button" onClick={() => onChange(null)}>
            {t('cpv.clear')}
          </Button>
        </div>
      )}
      <Textbox
        id={id}
        type="search"
        value={q}
        invalid={Boolean(error)}
        aria-describedby={`${id}-desc${error ? ` ${id}-err` : ''}`}
        autoComplete="off"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          // Enter in this box picks the first match instead of submitting the surrounding form.
          if (e.key === 'Enter' && debounced.length >= 2) {
            e.preventDefault();
            if (items[0]) {
              onChange(items[0]);
              setQ('');
            }
          }
        }}
      />
      <div aria-live="polite" className="bs-visually-hidden">
        {debounced.length >= 2 && results.data ? t('cpv.results', { count: items.length }) : ''}
      </div>
      {/* The typed words, not only their debounced copy: a choice empties the box and the list closes at once. */}
      {q.trim().length >= 2 &&
        debounced.length >= 2 &&
        results.data &&
        (items.length ? (
          <ul className="bs-cpv__results" aria-label={t('cpv.search')}>
            {items.map((c) => (
              <li key={c.code}>
                <button
                  type="button"
                  className="bs-cpv__option"
                  onClick={() => {
                    onChange(c);
                    setQ('');
                  }}
                >
                  <span className="bs-cpv__code">{c.code}</span> {labelOf(c)}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('cpv.none', { q: debounced })}</Paragraph>
        ))}
    </div>
  );
}
