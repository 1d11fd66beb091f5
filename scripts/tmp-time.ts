import { renderObligationPdf } from '../libs/domain/src/reporting/pdf/obligation-pdf';
const N = Number(process.argv[2] ?? 1000);
const contributions = Array.from({ length: N }, (_, i) => ({
  id: `c${i}`, obligation_id: 'o', tender_id: 't', date: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
  category: ['employment', 'training', 'social_purchase', 'social_activity'][i % 4], status: 'submitted', description: 'Bijdrage ' + i,
  supplier_name: 'SE', invoice_number: `F${i}`, target_group: 'participatiewet', block_code: '', hours_per_week: '24', end_date: '2026-12-31',
  claimed_value_cents: String(100000 + i), verified_value_cents: null, created_at: new Date(),
}));
const t0 = Date.now(); const c0 = process.cpuUsage();
const doc = renderObligationPdf({
  meta: { scope: 'tender', language: 'nl', period: null, generatedAt: new Date() },
  tender: { id: 't', title: 'T', reference: 'r', buyerName: 'B' }, contractorName: 'C', policy: { id: 'p', name: 'P', version: '1' },
  obligation: { amountCents: 1, breakdown: [], contractValueCents: 1, contractPeriod: { startDate: '2026-01-01', endDate: '2026-12-31' }, claimedCents: 1, verifiedCents: 1, remainingCents: 1, forecastCents: 1, status: 'open', penaltyPreviewCents: null, dueDate: '2026-12-31', applicable: true, percentage: 5 } as never,
  contributionsJson: [], contributions: contributions as never,
  routes: [{ route: 'employment', count: 1, claimedCents: 1, verifiedCents: 0 }],
});
const t1 = Date.now();
let bytes = 0;
doc.on('data', (c: Buffer) => (bytes += c.length));
doc.on('end', () => { const c = process.cpuUsage(c0); console.log('layout', t1 - t0, 'ms; total', Date.now() - t0, 'ms; cpu', Math.round((c.user + c.system) / 1000), 'ms', bytes, 'bytes'); });
