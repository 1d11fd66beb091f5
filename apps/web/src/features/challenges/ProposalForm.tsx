import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/LocaleProvider';
import { moneyInput, parseMoney } from '../../i18n/format';
import { TextField } from '../../ui/Fields';
import { FormError, Notice } from '../../ui/States';
import { OrganisationPicker, type PickedOrganisation } from '../directory/OrganisationPicker';
import { usePropose, useUpdateProposal, type Proposal } from './api';

/**
 * A contractor's or social enterprise's proposal: summary, approach, the budget asked for (euros) and partners,
 * picked by name from the public directory of social enterprises (never by id). New, or an edit of `proposal`.
 */
export function ProposalForm({
  challengeId,
  proposal,
  onDone,
}: {
  challengeId: string;
  proposal?: Proposal;
  onDone: () => void;
}) {
  const { t, locale, fieldErrors } = useT();
  const [summary, setSummary] = useState(proposal?.summary ?? '');
  const [approach, setApproach] = useState(proposal?.approach ?? '');
  const [budget, setBudget] = useState(moneyInput(proposal?.requestedBudgetCents, locale));
  const [partners, setPartners] = useState<PickedOrganisation[]>(
    (proposal?.partners ?? []).map((p) => ({ id: p.id, name: p.name, kvkNumber: null, city: null })),
  );
  const [local, setLocal] = useState<Record<string, string>>({});
  const create = usePropose(challengeId);
  const update = useUpdateProposal(proposal?.id ?? '');
  const mutation = proposal ? update : create;
  const errors = { ...fieldErrors(mutation.error), ...local };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cents = budget.trim() ? parseMoney(budget, locale) : null;
    if (budget.trim() && cents === null) {
      setLocal({ requestedBudgetCents: t('ch.p.budget.invalid') });
      return;
    }
    setLocal({});
    const body = {
      summary: summary.trim(),
      approach: approach.trim(),
      requestedBudgetCents: cents,
      partnerOrganisationIds: partners.map((p) => p.id),
    };
    mutation.mutate(body, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} className="bs-form" noValidate>
      {Object.keys(errors).length > 0 && <Notice type="warning">{t('common.formErrors')}</Notice>}
      <FormError error={mutation.error} />
      <TextField
        label={t('ch.p.summary')}
        description={t('ch.p.summary.help')}
        value={summary}
        onChange={setSummary}
        error={errors.summary}
        required
        multiline
      />
      <TextField
        label={t('ch.p.approach')}
        value={approach}
        onChange={setApproach}
        error={errors.approach}
        required
        multiline
      />
      <TextField
        label={`${t('ch.p.budget')} ${t('common.optional')}`}
        description={t('ch.p.budget.help')}
        value={budget}
        onChange={setBudget}
        error={errors.requestedBudgetCents}
        inputMode="decimal"
      />
      <Heading level={3}>{t('ch.p.partners')}</Heading>
      {partners.length === 0 ? (
        <Paragraph className="bs-muted">{t('ch.p.partners.none')}</Paragraph>
      ) : (
        <ul className="bs-list">
          {partners.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <Button
                appearance="subtle-button"
                type="button"
                onClick={() => setPartners(partners.filter((x) => x.id !== p.id))}
              >
                {t('ch.p.partners.remove', { name: p.name })}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <OrganisationPicker
        label={t('ch.p.partners.add')}
        source="enterprises"
        value={null}
        error={errors.partnerOrganisationIds}
        onChange={(o) => {
          if (o && !partners.some((p) => p.id === o.id)) setPartners([...partners, o]);
        }}
      />
      <div className="bs-actions">
        <Button appearance="primary-action-button" type="submit" disabled={mutation.isPending}>
          {t(proposal ? 'ch.p.save' : 'ch.p.send')}
        </Button>
      </div>
    </form>
  );
}
