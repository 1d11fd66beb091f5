import { renderBuyerPdf } from '../libs/domain/src/reporting/pdf/buyer-pdf';
import { writeFileSync } from 'node:fs';
const doc = renderBuyerPdf({
  meta: { scope: 'buyer', language: 'en', period: null, generatedAt: new Date() },
  buyer: { id: 'b', name: 'Gemeente Test' },
  obligations: [{ id: 'o', tenderId: 't', tenderTitle: 'Groen', contractorName: 'X', amountCents: 5750000, claimedCents: 100, verifiedCents: 50, remainingCents: 5000, forecastCents: 7000, status: 'at_risk', dueDate: '2027-12-31', claimedInPeriodCents: 0, verifiedInPeriodCents: 0 }],
  spendPerSocialEnterprise: [{ socialEnterpriseId: 's', name: 'SE', count: 1, spentCents: 1250000, claimedCents: 1250000, verifiedCents: 0 }],
  perTargetGroup: [{ targetGroup: 'participatiewet', count: 1, claimedCents: 10, verifiedCents: 5 }],
  routes: [{ route: 'employment', count: 1, claimedCents: 10, verifiedCents: 0 }, { route: 'training', count: 0, claimedCents: 0, verifiedCents: 0 }, { route: 'social_purchase', count: 1, claimedCents: 1250000, verifiedCents: 0 }, { route: 'social_activity', count: 0, claimedCents: 0, verifiedCents: 0 }],
});
const chunks: Buffer[] = [];
doc.on('data', (c: Buffer) => chunks.push(c));
doc.on('end', () => { writeFileSync('/tmp/buyer.pdf', Buffer.concat(chunks)); console.log('ok', Buffer.concat(chunks).length); });
