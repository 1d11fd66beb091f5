import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider';
import { useT } from '../../i18n/LocaleProvider';
import { Status } from '../../ui/Bits';
import { FormError, Notice, PageHeading, QueryState, RouterLink } from '../../ui/States';
import { useChallenge, useProposals, useWithdrawProposal, type Challenge, type Proposal } from './api';
import { ChallengeFacts, FollowingTenders, Winners } from './ChallengeFacts';
import { ProposalForm } from './ProposalForm';

/** A challenge as anyone sees it; a contractor or social enterprise sends, edits or withdraws its proposal here. */
export function ChallengePage() {
  const { id = '' } = useParams();
  const challenge = useChallenge(id);
  return (
    <QueryState query={challenge} page>
      {(c) => <ChallengeView challenge={c} />}
    </QueryState>
  );
}

function ChallengeView({ challenge: c }: { challenge: Challenge }) {
  const { t } = useT();
  const { me, status } = useAuth();
  const proposer = me?.role === 'contractor' || me?.role === 'social_enterprise';
  const ownOfficer = me?.role === 'procurement_officer' && me.organisation?.id === c.buyerOrganisationId;
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      {ownOfficer && (
        <Paragraph>
          <RouterLink to={`/officer/challenges/${c.id}`}>{t('ch.manage')}</RouterLink>
        </Paragraph>
      )}
      <ChallengeFacts challenge={c} />
      <Winners challenge={c} />
      <FollowingTenders challenge={c} />
      {status === 'anonymous' && c.status === 'open' && (
        <Paragraph>
          <RouterLink to={`/sign-in?next=${encodeURIComponent(`/challenges/${c.id}`)}`}>
            {t('ch.signIn')}
          </RouterLink>
        </Paragraph>
      )}
      {proposer && me?.organisation && <OwnProposal challenge={c} organisationId={me.organisation.id} />}
    </>
  );
}

function OwnProposal({ challenge: c, organisationId }: { challenge: Challenge; organisationId: string }) {
  const { t } = useT();
  const proposals = useProposals(c.id, c.status !== 'draft');
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="ch-own">
      <Heading level={2} id="ch-own">
        {t('ch.own.title')}
      </Heading>
      {done && <Notice>{done}</Notice>}
      <QueryState query={proposals}>
        {(d) => {
          const own = d.items.find((p) => p.organisationId === organisationId);
          if (own) return <OwnProposalView challenge={c} proposal={own} onDone={setDone} />;
          if (c.status !== 'open') return <Paragraph>{t('ch.own.closed')}</Paragraph>;
          return (
            <>
              <Paragraph>{t('ch.own.lead')}</Paragraph>
              <ProposalForm challengeId={c.id} onDone={() => setDone(t('ch.own.sent'))} />
            </>
          );
        }}
      </QueryState>
    </section>
  );
}

function OwnProposalView({
  challenge: c,
  proposal: p,
  onDone,
}: {
  challenge: Challenge;
  proposal: Proposal;
  onDone: (message: string | null) => void;
}) {
  const { t } = useT();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const withdraw = useWithdrawProposal(p.id);
  if (editing)
    return (
      <ProposalForm
        challengeId={c.id}
        proposal={p}
        onDone={() => {
          setEditing(false);
          onDone(t('ch.own.saved'));
        }}
      />
    );
  return (
    <>
      <ProposalSummary proposal={p} />
      {c.status === 'open' && (
        <div className="bs-actions">
          <Button appearance="secondary-action-button" type="button" onClick={() => setEditing(true)}>
            {t('ch.own.edit')}
          </Button>
          {confirming ? (
            <>
              <Paragraph>{t('ch.own.withdraw.confirm')}</Paragraph>
              <Button
                appearance="primary-action-button"
                type="button"
                disabled={withdraw.isPending}
                onClick={() => withdraw.mutate(undefined, { onSuccess: () => onDone(t('ch.own.withdrawn')) })}
              >
                {t('ch.own.withdraw.yes')}
              </Button>
              <Button appearance="subtle-button" type="button" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
            </>
          ) : (
            <Button appearance="subtle-button" type="button" onClick={() => setConfirming(true)}>
              {t('ch.own.withdraw')}
            </Button>
          )}
        </div>
      )}
      <FormError error={withdraw.error} />
    </>
  );
}

/** A proposal's content, its status and (once decided) the feedback. */
export function ProposalSummary({
  proposal: p,
  heading,
  bare,
}: {
  proposal: Proposal;
  heading?: string;
  /** Inside a card already (the judging list). */
  bare?: boolean;
}) {
  const { t, money } = useT();
  return (
    <div className={bare ? undefined : 'bs-card'}>
      {heading && <Heading level={3}>{heading}</Heading>}
      <Paragraph>
        <Status list="proposalStatus" value={p.status} />
      </Paragraph>
      <Paragraph>
        <strong>{t('ch.p.summary')}:</strong> {p.summary}
      </Paragraph>
      <Paragraph className="bs-prewrap">
        <strong>{t('ch.p.approach')}:</strong> {p.approach}
      </Paragraph>
      {p.requestedBudgetCents !== null && (
        <Paragraph>
          <strong>{t('ch.p.budget')}:</strong> {money(p.requestedBudgetCents)}
        </Paragraph>
      )}
      {p.partners.length > 0 && (
        <Paragraph>
          <strong>{t('ch.p.partners')}:</strong> {p.partners.map((x) => x.name).join(', ')}
        </Paragraph>
      )}
      {p.feedback && (
        <Paragraph>
          <strong>{t('ch.p.feedback')}:</strong> {p.feedback}
        </Paragraph>
      )}
    </div>
  );
}
