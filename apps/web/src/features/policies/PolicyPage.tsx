import { Button, Paragraph } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import type { Schemas } from '../../api/client';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { ErrorAlert, FormError, Notice, PageHeading, QueryState } from '../../ui/States';
import { usePolicy, usePublishPolicy } from './api';
import { EvaluatePreview } from './EvaluatePreview';
import { BlocksSection } from './policy-form/BlocksSection';
import { GeneralSection } from './policy-form/GeneralSection';
import { NewVersionForm } from './policy-form/NewVersionForm';
import { usePolicyForm } from './policy-form/usePolicyForm';

/** One editor per policy version: moving to a new version starts with fresh form state and messages. */
export function PolicyPage() {
  const { id = '' } = useParams();
  const policy = usePolicy(id);
  return (
    <QueryState query={policy} page>
      {(p) => <PolicyEditor key={id} policy={p} />}
    </QueryState>
  );
}

/** A draft is edited and published here; a published version is read-only and can start a new version. */
function PolicyEditor({ policy: p }: { policy: Schemas['PolicyResponseDto'] }) {
  const { t, date } = useT();
  const form = usePolicyForm(p);
  const publish = usePublishPolicy(p.id);
  const { save, errors, editable } = form;
  return (
    <>
      <PageHeading>{t('policy.title', { name: `${p.name} ${p.version}` })}</PageHeading>
      <Paragraph>
        <Status list="policyStatus" value={p.status} />
      </Paragraph>
      {publish.isSuccess && <Notice>{t('policy.published')}</Notice>}
      {form.saved && <Notice>{t('policy.saved')}</Notice>}
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={save.error} />
      <ErrorAlert error={publish.error} />
      {!editable && <Paragraph>{t('policy.publishedNote', { date: date(p.publishedAt) })}</Paragraph>}

      <form onSubmit={form.submit} className="bs-form bs-form--wide" noValidate>
        <GeneralSection form={form} />
        <BlocksSection form={form} />
        {editable && (
          <div className="bs-actions">
            <Button type="button" appearance="secondary-action-button" onClick={form.addBlock}>
              {t('policy.block.add')}
            </Button>
            <Button type="submit" appearance="primary-action-button" busy={save.isPending}>
              {t('common.save')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              busy={publish.isPending}
              onClick={() => publish.mutate()}
            >
              {t('policy.publish')}
            </Button>
          </div>
        )}
      </form>

      {!editable && <NewVersionForm policy={p} />}

      <EvaluatePreview policy={p} />
    </>
  );
}
