import { DATE_RULE, ErrorDetail, isIsoDate, ValidationFailedError } from '@app/common';
import type { ContributionBody } from '../sroi/contribution';
import { PLACEMENT_CATEGORIES, TARGET_GROUPS } from '../sroi/policy.types';
import { ProcurementErrorCode } from './procurement.errors';

/**
 * Person tokens are pseudonymous: a BSN (9 digits), an email address or something that reads as a name is
 * refused, so personal data never enters the platform by accident.
 */
export const PERSON_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
export function tokenLooksPersonal(token: string): boolean {
  return /^\d{8,9}$/.test(token) || token.includes('@') || /^[A-Z][a-z]+[_-]?[A-Z][a-z]+$/.test(token);
}

const FIELDS: Record<string, string[]> = {
  employment: [
    'category',
    'blockCode',
    'targetGroup',
    'benefitMonths',
    'hoursPerWeek',
    'startDate',
    'endDate',
    'bonuses',
    'personToken',
  ],
  training: [
    'category',
    'blockCode',
    'targetGroup',
    'benefitMonths',
    'hoursPerWeek',
    'startDate',
    'endDate',
    'bonuses',
    'personToken',
  ],
  social_purchase: [
    'category',
    'supplierOrganisationId',
    'invoiceNumber',
    'invoiceDate',
    'amountCents',
    'labourShare',
  ],
  social_activity: ['category', 'blockCode', 'quantity', 'description'],
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Validates a contribution body (placement, purchase or activity); every problem is listed with its field. */
export function validateContributionBody(
  raw: unknown,
  extraFields: string[] = [],
): { body?: ContributionBody; details: ErrorDetail[] } {
  const details: ErrorDetail[] = [];
  const fail = (field: string, message: string, code = 'invalid'): void => {
    details.push({ field, code, message: `${field} ${message}` });
  };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { details: [{ field: '', message: 'body must be a JSON object' }] };
  }
  const b = raw as Record<string, unknown>;
  const category = b.category;
  if (typeof category !== 'string' || !(category in FIELDS)) {
    fail('category', `must be one of: ${Object.keys(FIELDS).join(', ')}`);
    return { details };
  }
  for (const key of Object.keys(b)) {
    if (!FIELDS[category].includes(key) && !extraFields.includes(key))
      fail(key, 'is not an allowed field', 'unknown_field');
  }
  const str = (k: string, max: number, required = true): void => {
    if (b[k] === undefined || b[k] === null) {
      if (required) fail(k, 'is required', 'required');
    } else if (typeof b[k] !== 'string' || (b[k] as string).trim() === '' || (b[k] as string).length > max) {
      fail(k, `must be a non-empty string of at most ${max} characters`);
    }
  };
  const date = (k: string): void => {
    if (typeof b[k] !== 'string' || !isIsoDate(b[k] as string)) fail(k, `must be ${DATE_RULE}`, 'isoDate');
  };
  const num = (
    k: string,
    opts: { min: number; max: number; integer?: boolean; required?: boolean },
  ): void => {
    const v = b[k];
    if (v === undefined || v === null) {
      if (opts.required !== false) fail(k, 'is required', 'required');
      return;
    }
    if (
      typeof v !== 'number' ||
      !Number.isFinite(v) ||
      (opts.integer && !Number.isSafeInteger(v)) ||
      v < opts.min ||
      v > opts.max
    ) {
      fail(k, `must be ${opts.integer ? 'a whole number' : 'a number'} between ${opts.min} and ${opts.max}`);
    }
  };

  if ((PLACEMENT_CATEGORIES as readonly string[]).includes(category)) {
    str('blockCode', 60, false);
    if (!(TARGET_GROUPS as readonly unknown[]).includes(b.targetGroup))
      fail('targetGroup', `must be one of: ${TARGET_GROUPS.join(', ')}`);
    num('benefitMonths', { min: 0, max: 1200, integer: true, required: false });
    num('hoursPerWeek', { min: 0.5, max: 80 });
    date('startDate');
    date('endDate');
    if (typeof b.startDate === 'string' && typeof b.endDate === 'string' && b.endDate < b.startDate) {
      fail('endDate', 'must not be before startDate', 'INVALID_PERIOD');
    }
    if (b.bonuses !== undefined && b.bonuses !== null) {
      if (
        !Array.isArray(b.bonuses) ||
        b.bonuses.length > 10 ||
        b.bonuses.some((x) => typeof x !== 'string' || x.length > 60)
      ) {
        fail('bonuses', 'must be a list of bonus codes');
      }
    }
    if (typeof b.personToken !== 'string' || !PERSON_TOKEN.test(b.personToken)) {
      fail(
        'personToken',
        'must be a pseudonymous token of 8-64 letters, digits, - or _ (never a BSN or a name)',
      );
    }
  } else if (category === 'social_purchase') {
    if (typeof b.supplierOrganisationId !== 'string' || !UUID.test(b.supplierOrganisationId))
      fail('supplierOrganisationId', 'must be a UUID');
    str('invoiceNumber', 60);
    date('invoiceDate');
    num('amountCents', { min: 1, max: Number.MAX_SAFE_INTEGER, integer: true });
    num('labourShare', { min: 0, max: 1, required: false });
  } else {
    str('blockCode', 60);
    num('quantity', { min: 0.01, max: 1_000_000 });
    str('description', 2000);
  }
  return details.length ? { details } : { body: b as unknown as ContributionBody, details };
}

/**
 * The one way into the engine for a contribution body (submit, preview, evaluate): structure first, then the
 * person token must not read as personal data.
 */
export function parseContributionBody(raw: unknown): ContributionBody {
  const { body, details } = validateContributionBody(raw);
  if (!body)
    throw new ValidationFailedError(
      'The contribution is invalid',
      details,
      ProcurementErrorCode.ContributionInvalid,
    );
  if (
    (body.category === 'employment' || body.category === 'training') &&
    tokenLooksPersonal(body.personToken)
  ) {
    throw new ValidationFailedError(
      'personToken looks like personal data (a BSN, email or name); use a pseudonymous token',
      [
        {
          field: 'personToken',
          code: ProcurementErrorCode.PersonTokenLooksPersonal,
          message: 'must be pseudonymous',
        },
      ],
      ProcurementErrorCode.PersonTokenLooksPersonal,
    );
  }
  return body;
}

/** A contract period given by the caller: exactly startDate and endDate, both dates, end not before start. */
export function contractPeriodIssues(raw: unknown, field = 'contractPeriod'): ErrorDetail[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return [{ field, code: 'invalid', message: `${field} must be an object with startDate and endDate` }];
  const p = raw as Record<string, unknown>;
  const details: ErrorDetail[] = Object.keys(p)
    .filter((k) => k !== 'startDate' && k !== 'endDate')
    .map((k) => ({
      field: `${field}.${k}`,
      code: 'unknown_field',
      message: `${field}.${k} is not an allowed field`,
    }));
  for (const k of ['startDate', 'endDate']) {
    if (typeof p[k] !== 'string' || !isIsoDate(p[k] as string))
      details.push({
        field: `${field}.${k}`,
        code: 'isoDate',
        message: `${field}.${k} must be ${DATE_RULE}`,
      });
  }
  return details;
}

/** `inv 001` and `INV-001`... stay distinct only by letters and digits: spaces and case are ignored. */
export function invoiceKey(invoiceNumber: string): string {
  return invoiceNumber.replace(/\s+/g, '').toUpperCase();
}
