import { renderObligationPdf } from '../libs/domain/src/reporting/pdf/obligation-pdf';
import { writeFileSync } from 'node:fs';
const lang = (process.argv[2] ?? 'nl') as 'nl' | 'en';
const cats = ['employment', 'training', 'social_purchase', 'social_activity'];
const contributions = Array.from({ length: 70 }, (_, i) => ({
  id: `c${i}`, obligation_id: 'o', tender_id: 't', date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  category: cats[i % 4], status: ['submitted', 'verified', 'rejected'][i % 3], description: i % 4 === 3 ? 'Gastlessen op het ROC Nova College, Haarlem – techniek en zorg' : '',
  supplier_name: 'Schoonmaak & Zo, "De Zoë" BV', invoice_number: `F2026-${i}`, target_group: 'participatiewet', block_code: 'ACT_HOUR',
  hours_per_week: '24', end_date: '2026-12-31', claimed_value_cents: String(125000 + i * 1000), verified_value_cents: i % 3 === 1 ? String(120000) : null, created_at: new Date(),
}));
const doc = renderObligationPdf({
  meta: { scope: 'tender', language: lang, period: null, generatedAt: new Date() },
  tender: { id: 't', title: 'Groenonderhoud Haarlem-Noord 2026-2028', reference: 'ocds-buysocial-8d2c5a8e-1f0b-4c8e-9a51-3b1a2c0d9e77', buyerName: 'Gemeente Haarlem' },
  contractorName: 'Groen & Co Aannemers BV',
  policy: { id: 'p', name: 'Bouwblokken social return', version: '2026' },
  obligation: { id: 'o', tenderId: 't', contractId: 'c', buyerOrganisationId: 'b', contractorOrganisationId: 'k', policyId: 'p', policyVersion: '2026', applicable: true, reason: null, percentage: 5, amountCents: 5750000,
    breakdown: [{ label: 'x', code: 'base', labelNl: 'Contractwaarde excl. btw', labelEn: 'Contract value excl. VAT', valueCents: 115000000 }, { label: 'x', code: 'pct', labelNl: 'Percentage (beleid standaard)', labelEn: 'Percentage (policy default)', detail: '5 %' }, { label: 'x', code: 'amount', labelNl: 'SROI-verplichting', labelEn: 'SROI obligation', valueCents: 5750000, detail: '1150000.00 × 5 %' }],
    contractValueCents: 115000000, contractPeriod: { startDate: '2026-01-01', endDate: '2027-12-31' }, claimedCents: 3855500, verifiedCents: 2500000, remainingCents: 3250000, forecastCents: 8400000, status: 'on_track', penaltyPreviewCents: null, dueDate: '2027-12-31', waivedReason: null, createdAt: '' },
  contributionsJson: [],
  contributions: contributions as never,
  routes: [{ route: 'employment', count: 18, claimedCents: 2666667, verifiedCents: 2500000 }, { route: 'training', count: 17, claimedCents: 450000, verifiedCents: 0 }, { route: 'social_purchase', count: 18, claimedCents: 1250000, verifiedCents: 0 }, { route: 'social_activity', count: 17, claimedCents: 160000, verifiedCents: 0 }],
});
const chunks: Buffer[] = [];
doc.on('data', (c: Buffer) => chunks.push(c));
doc.on('end', () => { writeFileSync(`/tmp/ob-${lang}.pdf`, Buffer.concat(chunks)); console.log('ok'); });
