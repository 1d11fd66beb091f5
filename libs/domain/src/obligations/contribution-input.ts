import { ValidationFailedError } from '@app/common';
import type { ContributionBody } from '../sroi/contribution';
import { ObligationErrorCode } from './obligations.errors';

/**
 * Person tokens are pseudonymous: the request DTO takes 8-64 letters, digits, - or _, and a token that still
 * reads as a BSN (8 or 9 digits), an email address or a name is refused here, so personal data never enters
 * the platform by accident.
 */
export const PERSON_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
export function tokenLooksPersonal(token: string): boolean {
  return /^\d{8,9}$/.test(token) || token.includes('@') || /^[A-Z][a-z]+[_-]?[A-Z][a-z]+$/.test(token);
}

/** Every way into the engine with a placement (submit, preview, evaluate) passes here first. */
export function assertPseudonymous(body: ContributionBody): void {
  if (
    (body.category === 'employment' || body.category === 'training') &&
    tokenLooksPersonal(body.personToken)
  ) {
    throw new ValidationFailedError(
      'personToken looks like personal data (a BSN, email or name); use a pseudonymous token',
      [
        {
          field: 'personToken',
          code: ObligationErrorCode.PersonTokenLooksPersonal,
          message: 'must be pseudonymous',
        },
      ],
      ObligationErrorCode.PersonTokenLooksPersonal,
    );
  }
}

/** `inv 001` and `INV-001`... stay distinct only by letters and digits: spaces and case are ignored. */
export function invoiceKey(invoiceNumber: string): string {
  return invoiceNumber.replace(/\s+/g, '').toUpperCase();
}
