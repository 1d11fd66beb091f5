import { contributionBlockName } from './i18n';

describe('contributionBlockName (report PDF description, XLSX "Bouwblok" column)', () => {
  it("names the frozen policy's block by its facts, not by its code", () => {
    const row = {
      block_code: 'ACT_HOUR',
      block: { code: 'ACT_HOUR', category: 'social_activity', unit: 'hour' },
    };
    expect(contributionBlockName(row, 'nl')).toBe('Maatschappelijke activiteit, per uur');
    expect(contributionBlockName(row, 'en')).toBe('Social activity, per hour');
  });

  it('names the block a placement was valued under, though the placement did not name it', () => {
    const block = { code: 'BOL', category: 'training', targetGroup: 'bol', unit: 'fte_year' };
    expect(contributionBlockName({ block_code: '', block }, 'nl')).toBe(
      'Opleiding (BOL-stagiair), per fte-jaar',
    );
  });

  it('keeps the typed code when the policy has no such block, and is empty when none is named', () => {
    expect(contributionBlockName({ block_code: 'NOPE', block: null }, 'nl')).toBe('NOPE');
    expect(contributionBlockName({ block_code: '' }, 'en')).toBe('');
  });
});
