import { ArgumentMetadata, HttpException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { DATE_RULE, isIsoDate } from './dates';
import { AppError, ErrorDetail, ValidationFailedError } from './errors';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const e of errors) {
    const field = prefix
      ? /^\d+$/.test(e.property)
        ? `${prefix}[${e.property}]`
        : `${prefix}.${e.property}`
      : e.property;
    for (const [code, message] of Object.entries(e.constraints ?? {})) {
      out.push({
        field,
        code: code === 'whitelistValidation' ? 'unknown_field' : code,
        message: code === 'whitelistValidation' ? `${field} is not an allowed field` : message,
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/**
 * A validator or transformer that throws on odd input (class-validator reading a number's decimals,
 * class-transformer recursing) has still found bad input: 400, never 500.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      if (err instanceof AppError || err instanceof HttpException) throw err;
      throw new ValidationFailedError('Request could not be validated', [
        { field: metadata.data ?? metadata.type, code: 'unreadable', message: 'a value could not be read' },
      ]);
    }
  }
}

/** The one global pipe: unknown fields rejected, every problem listed with its field path. */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationFailedError('Request is invalid', flatten(errors)),
  });
}

/** Every date field of every DTO: `@Validate(IsoDateConstraint)`, so one range rule holds everywhere. */
@ValidatorConstraint({ name: 'isoDate' })
export class IsoDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isIsoDate(value);
  }
  defaultMessage(): string {
    return `$property must be ${DATE_RULE}`;
  }
}
