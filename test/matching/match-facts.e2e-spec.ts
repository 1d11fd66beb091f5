import { createTestApp, TestApp } from '../support/app';
import { createBuyerWithOfficer, createOffering, register, Session } from '../support/factories';
import { awardedObligation } from '../support/procurement';

/**
 * `match_offering_fact` (what candidate generation reads of an offering) is kept in step by triggers on the
 * offering, the enterprise's profile and its organisation: after each kind of change the rows equal what the
 * source tables say. And match rows of a deleted obligation go with it (a trigger, not a foreign key).
 */
describe('matching: the narrow facts follow their sources (e2e)', () => {
  let t: TestApp;
  let se: Session;
  let offeringId: string;

  /** The enterprise's fact rows, and the same computed from the source tables as the migration fills them. */
  async function factsAndSource(): Promise<[unknown[], unknown[]]> {
    const facts = await t.ds.query(
      `SELECT offering_id, organisation_id, cpv_codes, labour_share, capacity_cents_per_month::text AS capacity,
              delivery_radius_km, target_groups, pc4, doc::text AS doc
         FROM match_offering_fact WHERE organisation_id = $1 ORDER BY offering_id`,
      [se.user.organisationId],
    );
    const source = await t.ds.query(
      `SELECT o.id AS offering_id, o.organisation_id, o.cpv_codes, o.labour_share::float8 AS labour_share,
              o.capacity_cents_per_month::text AS capacity, o.delivery_radius_km, p.target_groups,
              left(org.postcode, 4) AS pc4, strip(o.search_doc)::text AS doc
         FROM offering o
         LEFT JOIN social_enterprise_profile p ON p.organisation_id = o.organisation_id
         LEFT JOIN organisation org ON org.id = o.organisation_id
        WHERE o.organisation_id = $1 ORDER BY o.id`,
      [se.user.organisationId],
    );
    return [facts, source];
  }

  beforeAll(async () => {
    t = await createTestApp();
    se = await register(t, 'social_enterprise');
    offeringId = (
      await createOffering(t, se, {
        title: 'Groenonderhoud',
        cpvCodes: ['77310000-6'],
        deliveryPostcode: '2011 AB',
      })
    ).id;
  });

  afterAll(async () => {
    await t?.close();
  });

  it('has a row per offering as created', async () => {
    const [facts, source] = await factsAndSource();
    expect(facts).toHaveLength(1);
    expect(facts).toEqual(source);
  });

  it('follows an offering edit (title, codes, capacity, radius)', async () => {
    await t.ds.query(
      `UPDATE offering SET title = 'Schoonmaak kantoren', cpv_codes = '{90911200}', capacity_cents_per_month = 123400,
              delivery_radius_km = 17, labour_share = 0.4 WHERE id = $1`,
      [offeringId],
    );
    const [facts, source] = await factsAndSource();
    expect(facts).toEqual(source);
    expect(facts[0]).toMatchObject({ cpv_codes: ['90911200'], capacity: '123400', delivery_radius_km: 17 });
    expect((facts[0] as { doc: string }).doc).toContain('schoonmaak');
  });

  it("follows the profile's target groups and the organisation's postcode", async () => {
    await t.ds.query(
      `INSERT INTO social_enterprise_profile (organisation_id, target_groups) VALUES ($1, '{wajong}')
       ON CONFLICT (organisation_id) DO UPDATE SET target_groups = '{wajong}'`,
      [se.user.organisationId],
    );
    await t.ds.query(`UPDATE organisation SET postcode = '3511 AB' WHERE id = $1`, [se.user.organisationId]);
    const [facts, source] = await factsAndSource();
    expect(facts).toEqual(source);
    expect(facts[0]).toMatchObject({ target_groups: ['wajong'], pc4: '3511' });
    await t.ds.query(`DELETE FROM social_enterprise_profile WHERE organisation_id = $1`, [
      se.user.organisationId,
    ]);
    const [gone, without] = await factsAndSource();
    expect(gone).toEqual(without);
    expect(gone[0]).toMatchObject({ target_groups: null });
  });

  it("deletes a deleted obligation's match rows (no foreign key: a statement trigger)", async () => {
    const { officer } = await createBuyerWithOfficer(t);
    const contractor = await register(t, 'contractor');
    const { obligationId } = await awardedObligation(t, officer, contractor, {
      tender: { title: 'Groenonderhoud parken', items: [{ description: 'Maaien', cpvCode: '77310000-6' }] },
    });
    await t.ds.query(
      `INSERT INTO obligation_match (obligation_id, offering_id, social_enterprise_id, score, counts,
                                     projected_credit_cents, reasons, revision, computed_at)
       VALUES ($1, $2, $3, 0.5, true, 100, '[]', 1, now())`,
      [obligationId, offeringId, se.user.organisationId],
    );
    await t.ds.query(`DELETE FROM obligation WHERE id = $1`, [obligationId]);
    const [{ n }] = await t.ds.query(
      `SELECT count(*)::int AS n FROM obligation_match WHERE obligation_id = $1`,
      [obligationId],
    );
    expect(n).toBe(0);
  });

  it('drops the row of a deleted offering', async () => {
    await t.ds.query(`DELETE FROM offering WHERE id = $1`, [offeringId]);
    const [facts] = await factsAndSource();
    expect(facts).toEqual([]);
  });
});
