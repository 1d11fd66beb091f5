import {
  Button,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { useAuth } from '../../auth/AuthProvider';
import type { MessageId } from '../../i18n/messages';
import { Status } from '../../ui/Bits';
import { CheckboxGroup, SelectField, TextField } from '../../ui/Fields';
import {
  EmptyState,
  ErrorAlert,
  Loading,
  Notice,
  PageHeading,
  QueryError,
  RouterLink,
} from '../../ui/States';
import { CERTIFICATION_TYPES, TARGET_GROUPS } from '../../ui/vocabulary';
import { Lead, today, useT2 } from '../contractor/shared';

type Profile = Schemas['ProfileResponseDto'];

export function useOwnProfile() {
  const { me } = useAuth();
  const id = me?.organisation?.id ?? '';
  return {
    id,
    query: useQuery({
      queryKey: ['se-profile', id],
      staleTime: 0,
      queryFn: () => call(api.GET('/social-enterprises/{id}', { params: { path: { id } } })),
      enabled: Boolean(id),
    }),
  };
}

const numOrNull = (s: string): number | null => {
  const n = Number(s.replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) ? n : null;
};

function ProfileForm({ id, p }: { id: string; p: Profile }) {
  const { t, fieldErrors } = useT2();
  const qc = useQueryClient();
  const [mission, setMission] = useState(p.mission ?? '');
  const [groups, setGroups] = useState<string[]>(p.targetGroups ?? []);
  const [fteTotal, setFteTotal] = useState(String(p.fteTotal ?? ''));
  const [fteTg, setFteTg] = useState(String(p.fteTargetGroup ?? ''));
  const [website, setWebsite] = useState(p.website ?? '');
  const [radius, setRadius] = useState(p.serviceRadiusKm !== null ? String(p.serviceRadiusKm) : '');
  const [published, setPublished] = useState<string[]>(p.published ? ['yes'] : []);
  const save = useMutation({
    mutationFn: (body: Schemas['ProfileDto']) =>
      call(api.PUT('/social-enterprises/{id}/profile', { params: { path: { id } }, body })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['se-profile', id] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      mission,
      targetGroups: groups as Schemas['ProfileDto']['targetGroups'],
      fteTotal: numOrNull(fteTotal) ?? (fteTotal as unknown as number),
      fteTargetGroup: numOrNull(fteTg) ?? (fteTg as unknown as number),
      website: website.trim() || null,
      serviceRadiusKm: numOrNull(radius),
      published: published.length > 0,
    });
  };
  const errors = fieldErrors(save.error);
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      {save.error && Object.keys(errors).length === 0 && <ErrorAlert error={save.error} />}
      {save.isSuccess && <Notice>{t('se.profile.saved')}</Notice>}
      <TextField
        label={t('profile.mission')}
        value={mission}
        onChange={setMission}
        error={errors.mission}
        multiline
      />
      <CheckboxGroup
        legend={t('profile.targetGroups')}
        values={groups}
        onChange={setGroups}
        error={errors.targetGroups}
        options={TARGET_GROUPS.map((g) => ({ value: g, label: t(`tg.${g}` as MessageId) }))}
      />
      <div className="bs-row">
        <TextField
          label={t('profile.fte')}
          value={fteTotal}
          onChange={setFteTotal}
          error={errors.fteTotal}
          inputMode="decimal"
        />
        <TextField
          label={t('profile.fteTargetGroup')}
          value={fteTg}
          onChange={setFteTg}
          error={errors.fteTargetGroup}
          inputMode="decimal"
        />
      </div>
      <div className="bs-row">
        <TextField
          label={`${t('se.profile.website')} ${t('common.optional')}`}
          value={website}
          onChange={setWebsite}
          error={errors.website}
          type="url"
        />
        <TextField
          label={`${t('se.profile.radius')} ${t('common.optional')}`}
          value={radius}
          onChange={setRadius}
          error={errors.serviceRadiusKm}
          inputMode="numeric"
        />
      </div>
      <CheckboxGroup
        legend={t('se.profile.visibility')}
        values={published}
        onChange={setPublished}
        options={[{ value: 'yes', label: t('se.profile.published') }]}
      />
      <div className="bs-actions">
        <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}

function Certifications({ id }: { id: string }) {
  const { t, date, fieldErrors } = useT2();
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: ['certifications', id],
    staleTime: 0,
    queryFn: () => call(api.GET('/organisations/{id}/certifications', { params: { path: { id } } })),
  });
  const [type, setType] = useState<string>('pso');
  const [level, setLevel] = useState('trede_2');
  const [number, setNumber] = useState('');
  const [from, setFrom] = useState(today());
  const [until, setUntil] = useState('');
  const add = useMutation({
    mutationFn: (body: Schemas['CreateCertificationDto']) =>
      call(api.POST('/organisations/{id}/certifications', { params: { path: { id } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['certifications', id] });
      void qc.invalidateQueries({ queryKey: ['se-profile', id] });
      setNumber('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate({
      type: type as Schemas['CreateCertificationDto']['type'],
      ...(type === 'pso' ? { level: level as Schemas['CreateCertificationDto']['level'] } : {}),
      ...(number.trim() ? { certificateNumber: number.trim() } : {}),
      validFrom: from,
      ...(until ? { validUntil: until } : {}),
    });
  };
  const errors = fieldErrors(add.error);
  const items = list.data?.items ?? [];
  return (
    <section className="bs-section" aria-labelledby="certs-h">
      <Heading level={2} id="certs-h">
        {t('se.certs.title')}
      </Heading>
      <Paragraph>{t('se.certs.lead')}</Paragraph>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : items.length === 0 ? (
        <EmptyState>{t('se.certs.empty')}</EmptyState>
      ) : (
        <div className="bs-table-wrap">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('certs.type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certs.number')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('certs.validity')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    {t(`cert.${c.type}` as MessageId)}
                    {c.level ? ` ${t(`pso.${c.level}` as MessageId)}` : ''}
                  </TableCell>
                  <TableCell>{c.certificateNumber ?? '—'}</TableCell>
                  <TableCell>
                    {c.validUntil
                      ? t('se.certs.validity', { from: date(c.validFrom), until: date(c.validUntil) })
                      : t('se.certs.validityOpen', { from: date(c.validFrom) })}
                  </TableCell>
                  <TableCell>
                    <Status prefix="certStatus" value={c.status} />
                    {c.reviewNote ? ` · ${c.reviewNote}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <form onSubmit={submit} className="bs-form" noValidate>
        <Heading level={3}>{t('se.certs.add')}</Heading>
        {add.error && Object.keys(errors).length === 0 && <ErrorAlert error={add.error} />}
        {add.isSuccess && <Notice>{t('se.certs.added')}</Notice>}
        <div className="bs-row">
          <SelectField
            label={t('se.certs.type')}
            value={type}
            onChange={setType}
            error={errors.type}
            options={CERTIFICATION_TYPES.map((c) => ({ value: c, label: t(`cert.${c}` as MessageId) }))}
          />
          {type === 'pso' && (
            <SelectField
              label={t('se.certs.level')}
              value={level}
              onChange={setLevel}
              error={errors.level}
              options={['aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3'].map((l) => ({
                value: l,
                label: t(`pso.${l}` as MessageId),
              }))}
            />
          )}
        </div>
        <div className="bs-row">
          <TextField
            label={`${t('se.certs.number')} ${t('common.optional')}`}
            value={number}
            onChange={setNumber}
            error={errors.certificateNumber}
          />
          <TextField
            label={t('se.certs.validFrom')}
            type="date"
            value={from}
            onChange={setFrom}
            error={errors.validFrom}
          />
          <TextField
            label={`${t('se.certs.validUntil')} ${t('common.optional')}`}
            type="date"
            value={until}
            onChange={setUntil}
            error={errors.validUntil}
          />
        </div>
        <div className="bs-actions">
          <Button type="submit" appearance="secondary-action-button" busy={add.isPending}>
            {t('se.certs.add')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export function EnterpriseProfilePage() {
  const { t } = useT2();
  const { id, query } = useOwnProfile();
  if (query.isPending) return <Loading />;
  if (query.isError) return <QueryError error={query.error} />;
  return (
    <>
      <PageHeading>{t('se.profile.title', { name: query.data.name })}</PageHeading>
      <Lead>{t('se.profile.lead')}</Lead>
      <Paragraph>
        <RouterLink to={`/enterprises/${id}`}>{t('se.profile.public')}</RouterLink>
      </Paragraph>
      <ProfileForm key={query.data.id} id={id} p={query.data} />
      <Certifications id={id} />
    </>
  );
}
