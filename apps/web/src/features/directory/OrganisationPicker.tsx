import {
  Button,
  FormFieldDescription,
  FormLabel,
  Paragraph,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, useState } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { useDebounced } from '../../ui/hooks';
import { useOrganisationSearch } from '../identity/api';
import { useEnterpriseSearch } from './api';

/** An organisation as a person recognises it: never its id. */
export interface PickedOrganisation {
  id: string;
  name: string;
  kvkNumber: string | null;
  city: string | null;
}

/**
 * Search-then-choose an organisation by name or KvK number (like the CPV picker): the matches appear as a list of
 * buttons; the chosen one shows by name, KvK number and city, with a button to choose another. `source`
 * `organisations` asks the officers' organisation search (`kind` filters it); `enterprises` the public directory of
 * social enterprises (what a contractor may search).
 */
export function OrganisationPicker({
  label,
  description,
  value,
  onChange,
  error,
  source,
  kind,
}: {
  label: string;
  description?: string;
  value: PickedOrganisation | null;
  onChange: (v: PickedOrganisation | null) => void;
  error?: string;
  source: 'organisations' | 'enterprises';
  kind?: 'contractor' | 'social_enterprise' | 'buyer';
}) {
  const { t } = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim(), 250);
  const orgs = useOrganisationSearch(source === 'organisations' ? debounced : '', kind);
  const enterprises = useEnterpriseSearch(
    source === 'enterprises' && debounced.length >= 2 ? debounced : null,
  );
  const results = source === 'organisations' ? orgs : enterprises;
  const items: PickedOrganisation[] = (results.data?.items ?? []).map((o) => ({
    id: o.id,
    name: o.name,
    kvkNumber: o.kvkNumber ?? null,
    city: o.city ?? null,
  }));
  const describe = (o: PickedOrganisation) =>
    [o.kvkNumber && t('orgPicker.kvk', { kvk: o.kvkNumber }), o.city].filter(Boolean).join(' · ');
  const choose = (o: PickedOrganisation) => {
    onChange(o);
    setQ('');
  };

  return (
    <div className={`bs-cpv utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <FormFieldDescription id={`${id}-desc`}>
        {description ?? t(source === 'organisations' ? 'orgPicker.help' : 'orgPicker.help.name')}
      </FormFieldDescription>
      {error && (
        <div className="utrecht-form-field-error-message bs-field__error" id={`${id}-err`}>
          {error}
        </div>
      )}
      {value && (
        <div className="bs-cpv__chosen">
          <Paragraph>
            {t('orgPicker.chosen', { name: value.name })}
            {describe(value) && ` (${describe(value)})`}
          </Paragraph>
          <Button appearance="subtle-button" type="button" onClick={() => onChange(null)}>
            {t('orgPicker.clear')}
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
            if (items[0]) choose(items[0]);
          }
        }}
      />
      <div aria-live="polite" className="bs-visually-hidden">
        {debounced.length >= 2 && results.data ? t('orgPicker.results', { count: items.length }) : ''}
      </div>
      {q.trim().length >= 2 &&
        debounced.length >= 2 &&
        results.data &&
        (items.length ? (
          <ul className="bs-cpv__results" aria-label={t('orgPicker.matches', { label })}>
            {items.map((o) => (
              <li key={o.id}>
                <button type="button" className="bs-cpv__option" onClick={() => choose(o)}>
                  <span className="bs-cpv__code">{o.name}</span>
                  {describe(o) && ` ${describe(o)}`}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Paragraph>{t('orgPicker.none', { q: debounced })}</Paragraph>
        ))}
    </div>
  );
}
