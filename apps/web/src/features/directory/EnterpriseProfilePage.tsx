import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '../../api/client';
import { parseDecimal } from '../../i18n/format';
import { useT } from '../../i18n/LocaleProvider';
import { Lead } from '../../ui/Bits';
import { CheckboxGroup, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { TARGET_GROUPS } from '../../ui/vocabulary';
import { useOwnProfile, useSaveProfile } from './api';
import { OwnCertificationsSection } from './OwnCertificationsSection';

type Profile = Schemas['ProfileResponseDto'];

function ProfileForm({ id, p }: { id: string; p: Profile }) {
  const { t, fieldErrors, term } = useT();
  const [mission, setMission] = useState(p.mission ?? '');
  const [groups, setGroups] = useState<string[]>(p.targetGroups ?? []);
  const [fteTotal, setFteTotal] = useState(String(p.fteTotal ?? ''));
  const [fteTg, setFteTg] = useState(String(p.fteTargetGroup ?? ''));
  const [website, setWebsite] = useState(p.website ?? '');
  const [radius, setRadius] = useState(p.serviceRadiusKm !== null ? String(p.serviceRadiusKm) : '');
  const [published, setPublished] = useState<string[]>(p.published ? ['yes'] : []);
  const save = useSaveProfile(id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      mission,
      targetGroups: groups as Schemas['ProfileDto']['targetGroups'],
      fteTotal: parseDecimal(fteTotal) ?? (fteTotal as unknown as number),
      fteTargetGroup: parseDecimal(fteTg) ?? (fteTg as unknown as number),
      website: website.trim() || null,
      serviceRadiusKm: parseDecimal(radius),
      published: published.length > 0,
    });
  };
  const errors = fieldErrors(save.error);
  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      <FormError error={save.error} />
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
        options={TARGET_GROUPS.map((g) => ({ value: g, label: term('targetGroup', g) }))}
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

export function EnterpriseProfilePage() {
  const { t } = useT();
  const { id, query } = useOwnProfile();
  return (
    <QueryState query={query} page>
      {(p) => (
        <>
          <PageHeading>{t('se.profile.title', { name: p.name })}</PageHeading>
          <Lead>{t('se.profile.lead')}</Lead>
          <Paragraph>
            <RouterLink to={`/enterprises/${id}`}>{t('se.profile.public')}</RouterLink>
          </Paragraph>
          <ProfileForm key={p.id} id={id} p={p} />
          <OwnCertificationsSection id={id} />
        </>
      )}
    </QueryState>
  );
}
