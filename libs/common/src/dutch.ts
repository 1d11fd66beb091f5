/** Dutch identifiers shared by validation and normalisation. */
export const KVK_PATTERN = /^\d{8}$/;
/** 1000 AA .. 9999 ZZ; SA, SD and SS are not issued. A bare PC4 is accepted where a full postcode is not known. */
export const POSTCODE_PATTERN = /^[1-9]\d{3}\s?(?!SA|SD|SS)[A-Za-z]{2}$/;
export const POSTCODE_OR_PC4_PATTERN = /^[1-9]\d{3}(\s?(?!SA|SD|SS|sa|sd|ss)[A-Za-z]{2})?$/;

export function normalisePostcode(input: string): string {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  return compact.length === 6 ? `${compact.slice(0, 4)} ${compact.slice(4)}` : compact;
}

export function pc4Of(postcode: string): string {
  return postcode.replace(/\s+/g, '').slice(0, 4);
}
