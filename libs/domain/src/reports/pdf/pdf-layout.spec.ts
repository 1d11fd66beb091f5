import { niceCeiling } from './pdf-layout';

describe('chart axis', () => {
  it.each([
    [1, 1],
    [7, 10],
    [5_750_000, 10_000_000],
    [4_526_667, 5_000_000],
    [2_100, 2_500],
    [1_900, 2_000],
  ])('%i rounds up to %i', (value, nice) => expect(niceCeiling(value)).toBe(nice));
});
