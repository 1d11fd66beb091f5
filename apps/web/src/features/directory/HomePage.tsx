import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { RadioGroup, SelectField, TextField } from '../../ui/Fields';
import { PageHeading, QueryState, RouterLink } from '../../ui/States';
import { CERTIFICATION_TYPES, POSTCODE_OR_PC4_PATTERN, RADII } from '../../ui/vocabulary';
import { CpvPicker } from './CpvPicker';
import { useSearch, type SearchKind } from './search-api';

type Cpv = Schemas['CpvItemDto'];
type Kind = SearchKind;

function Certs({ certs }: { certs: Schemas['SearchCertificationDto'][] }) {
  const { t, certName } = useT();
  const shown = certs.filter((c) => c.status !== 'rejected');
  if (!shown.length) return null;
  return (
    <ul className="bs-tags" aria-label={t('profile.certifications')}>
      {shown.map((c) => (
        <li key={c.id} className="bs-tag">
          {certName(c.type, c.level)}
        </li>
      ))}
    </ul>
  );
}

export function HomePage() {
  const { t, locale, term } = useT();
  const [params, setParams] = useSearchParams();
  const [kind, setKind] = useState<Kind>(params.get('kind') === 'enterprises' ? 'enterprises' : 'offerings');
  const [q, setQ] = useState(params.get('q') ?? '');
  const initialCpv = params.get('cpv');
  const [cpv, setCpv] = useState<Cpv | null>(
    initialCpv ? { code: initialCpv, labelNl: '', labelEn: '', level: 'division', parent: null } : null,
  );
  const [postcode, setPostcode] = useState(params.get('postcode') ?? '');
  const [radius, setRadius] = useState(params.get('radiusKm') ?? '');
  const [certification, setCertification] = useState(params.get('certification') ?? '');
  const [postcodeError, setPostcodeError] = useState<string>();
  const results = useSearch(params);
  const searched = params.toString() !== '';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (postcode.trim() && !POSTCODE_OR_PC4_PATTERN.test(postcode.trim())) {
      setPostcodeError(t('search.postcodeInvalid'));
      return;
    }
    setPostcodeError(undefined);
    const next = new URLSearchParams();
    if (kind === 'enterprises') next.set('kind', kind);
    if (q.trim()) next.set('q', q.trim());
    if (cpv) next.set('cpv', cpv.code);
    if (postcode.trim()) next.set('postcode', postcode.trim());
    if (postcode.trim() && radius) next.set('radiusKm', radius);
    if (certification) next.set('certification', certification);
    next.set('s', '1');
    setParams(next);
  };

  const pages = results.data?.pages ?? [];
  const offerings = pages.flatMap((p) => p.offerings);
  const enterprises = pages.flatMap((p) => p.enterprises);
  const count = offerings.length + enterprises.length;

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <Paragraph appearance="lead">{t('home.lead')}</Paragraph>
      <form
        role="search"
        aria-label={t('search.legend')}
        onSubmit={submit}
        className="bs-form bs-search"
        noValidate
      >
        <RadioGroup
          legend={t('search.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={[
            { value: 'offerings', label: t('search.kind.offerings') },
            { value: 'enterprises', label: t('search.kind.enterprises') },
          ]}
        />
        <TextField
          label={t('search.q')}
          description={t('search.q.help')}
          value={q}
          onChange={setQ}
          type="search"
        />
        <CpvPicker label={t('cpv.label')} value={cpv} onChange={setCpv} />
        <div className="bs-row">
          <TextField
            label={t('search.postcode')}
            description={t('search.postcode.help')}
            value={postcode}
            onChange={setPostcode}
            error={postcodeError}
            autoComplete="postal-code"
            size={8}
          />
          <SelectField
            label={t('search.radius')}
            value={radius}
            onChange={setRadius}
            options={[
              { value: '', label: t('search.radius.any') },
              ...RADII.map((km) => ({ value: String(km), label: t('search.radius.km', { km }) })),
            ]}
          />
        </div>
        <SelectField
          label={t('search.certification')}
          value={certification}
          onChange={setCertification}
          options={[
            { value: '', label: t('search.certification.any') },
            ...CERTIFICATION_TYPES.map((c) => ({ value: c, label: term('certificationType', c) })),
          ]}
        />
        <Button appearance="primary-action-button" type="submit">
          {t('search.submit')}
        </Button>
      </form>

      <section aria-labelledby="results-heading" className="bs-results">
        <Heading level={2} id="results-heading">
          {t('search.resultsTitle')}
        </Heading>
        <QueryState
          query={results}
          isEmpty={() => count === 0}
          empty={searched ? t('search.empty') : t('search.start')}
        >
          {() => (
            <>
              <Paragraph role="status">{t('common.results', { count })}</Paragraph>
              <ol className="bs-cards">
                {offerings.map((o) => (
                  <li key={o.id} className="bs-card">
                    <Heading level={3}>{o.title}</Heading>
                    <Paragraph>
                      <RouterLink to={`/enterprises/${o.socialEnterprise.id}`}>
                        {t('search.by', { name: o.socialEnterprise.name })}
                      </RouterLink>
                      {o.socialEnterprise.city ? ` · ${o.socialEnterprise.city}` : ''}
                      {typeof o.distanceKm === 'number'
                        ? ` · ${t('search.distance', { km: o.distanceKm.toLocaleString(locale, { maximumFractionDigits: 1 }) })}`
                        : ''}
                    </Paragraph>
                    {o.description && <Paragraph className="bs-clamp">{o.description}</Paragraph>}
                    <Paragraph className="bs-muted">CPV {o.cpvCodes.join(', ')}</Paragraph>
                    <Certs certs={o.socialEnterprise.certifications} />
                  </li>
                ))}
                {enterprises.map((e) => (
                  <li key={e.id} className="bs-card">
                    <Heading level={3}>
                      <RouterLink to={`/enterprises/${e.id}`}>{e.name}</RouterLink>
                    </Heading>
                    <Paragraph>
                      {[
                        e.city,
                        typeof e.distanceKm === 'number'
                          ? t('search.distance', {
                              km: e.distanceKm.toLocaleString(locale, { maximumFractionDigits: 1 }),
                            })
                          : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Paragraph>
                    {e.mission && <Paragraph className="bs-clamp">{e.mission}</Paragraph>}
                    <Certs certs={e.certifications} />
                  </li>
                ))}
              </ol>
              {results.hasNextPage && (
                <Button
                  appearance="secondary-action-button"
                  type="button"
                  busy={results.isFetchingNextPage}
                  onClick={() => void results.fetchNextPage()}
                >
                  {t('common.more')}
                </Button>
              )}
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
