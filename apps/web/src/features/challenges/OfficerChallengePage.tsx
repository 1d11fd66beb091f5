import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../i18n/LocaleProvider';
import { RadioGroup, TextField } from '../../ui/Fields';
import { FormError, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import {
  useChallenge,
  useChallengeStep,
  useDecide,
  useProposals,
  useUpdateChallenge,
  type Challenge,
  type ChallengeStep,
  type Proposal,
} from './api';
import { ChallengeFacts, FollowingTenders, Winners } from './ChallengeFacts';
import { ChallengeForm } from './ChallengeForm';
import { ProposalSummary } from './ChallengePage';

/** The officer's challenge: edit while a draft, publish / close / finish, judge the proposals, start a tender. */
export function OfficerChallengePage() {
  const { id = '' } = useParams();
  const challenge = useChallenge(id);
  return (
    <QueryState query={challenge} page>
      {(c) => <OfficerChallenge challenge={c} />}
    </QueryState>
  );
}

const NEXT: Record<string, ChallengeStep | undefined> = {
  draft: 'publish',
  open: 'close',
  judging: 'finish',
};

function OfficerChallenge({ challenge: c }: { challenge: Challenge }) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const update = useUpdateChallenge(c.id);
  const step = useChallengeStep(c.id);
  const next = NEXT[c.status];
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      {done && <Notice>{done}</Notice>}
      {c.status !== 'draft' && (
        <Paragraph>
          <RouterLink to={`/challenges/${c.id}`}>{t('ch.officer.public')}</RouterLink>
        </Paragraph>
      )}
      {editing ? (
        <>
          <Heading level={2}>{t('ch.officer.edit')}</Heading>
          <ChallengeForm
            challenge={c}
            onSubmit={(body) =>
              update.mutate(body, {
                onSuccess: () => {
                  setEditing(false);
                  setDone(t('ch.officer.saved'));
                },
              })
            }
            error={update.error}
            pending={update.isPending}
            submitLabel={t('common.save')}
          />
          <Button appearance="subtle-button" type="button" onClick={() => setEditing(false)}>
            {t('common.cancel')}
          </Button>
        </>
      ) : (
        <ChallengeFacts challenge={c} />
      )}
      {!editing && (
        <>
          <Heading level={2}>{t('ch.officer.next')}</Heading>
          <Paragraph>{t(`ch.officer.next.${c.status}` as 'ch.officer.next.draft')}</Paragraph>
          <FormError error={step.error} />
          <div className="bs-actions">
            {c.status === 'draft' && (
              <Button appearance="secondary-action-button" type="button" onClick={() => setEditing(true)}>
                {t('ch.officer.edit')}
              </Button>
            )}
            {next && (
              <Button
                appearance="primary-action-button"
                type="button"
                disabled={step.isPending}
                onClick={() => step.mutate(next, { onSuccess: () => setDone(t(`ch.officer.done.${next}`)) })}
              >
                {t(`ch.officer.step.${next}`)}
              </Button>
            )}
            {c.status !== 'draft' && (
              <RouterLink to={`/officer/tenders/new?challengeId=${c.id}`}>
                {t('ch.officer.tender')}
              </RouterLink>
            )}
          </div>
        </>
      )}
      <Winners challenge={c} />
      <FollowingTenders challenge={c} />
      {c.status !== 'draft' && <Judging challenge={c} />}
    </>
  );
}

function Judging({ challenge: c }: { challenge: Challenge }) {
  const { t } = useT();
  const proposals = useProposals(c.id);
  return (
    <section aria-labelledby="ch-judging">
      <Heading level={2} id="ch-judging">
        {t('ch.judging.title')}
      </Heading>
      {c.status === 'judging' && (
        <Paragraph>
          {t(c.kind === 'competition' ? 'ch.judging.lead.competition' : 'ch.judging.lead')}
        </Paragraph>
      )}
      <QueryState query={proposals} isEmpty={(d) => d.items.length === 0} empty={t('ch.judging.empty')}>
        {(d) => (
          <ul className="bs-cards" aria-label={t('ch.judging.title')}>
            {d.items.map((p) => (
              <li key={p.id} className="bs-card">
                <ProposalSummary proposal={p} heading={p.organisationName} bare />
                {c.status === 'judging' && <DecisionForm proposal={p} />}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}

function DecisionForm({ proposal: p }: { proposal: Proposal }) {
  const { t, term, fieldErrors } = useT();
  const [decision, setDecision] = useState(p.decision ?? '');
  const [feedback, setFeedback] = useState(p.feedback ?? '');
  const [saved, setSaved] = useState(false);
  const decide = useDecide(p.id);
  const errors = fieldErrors(decide.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    decide.mutate(
      { decision: decision as 'shortlisted', feedback: feedback.trim() },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="bs-form"
      noValidate
      aria-label={t('ch.judging.decide', { name: p.organisationName })}
    >
      <FormError error={decide.error} />
      {saved && <Notice>{t('ch.judging.saved')}</Notice>}
      <RadioGroup
        legend={t('ch.judging.decision', { name: p.organisationName })}
        value={decision}
        onChange={setDecision}
        error={errors.decision}
        options={(['shortlisted', 'winner', 'not_selected'] as const).map((d) => ({
          value: d,
          label: term('proposalStatus', d),
        }))}
      />
      <TextField
        label={t('ch.judging.feedback')}
        description={t('ch.judging.feedback.help')}
        value={feedback}
        onChange={setFeedback}
        error={errors.feedback}
        multiline
      />
      <Button appearance="secondary-action-button" type="submit" disabled={decide.isPending || !decision}>
        {t('ch.judging.save', { name: p.organisationName })}
      </Button>
    </form>
  );
}
