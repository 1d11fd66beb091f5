import { ArgumentMetadata, HttpException, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import {
  getMetadataStorage,
  ValidationTypes,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  ValidatorOptions,
} from 'class-validator';
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
        // class-validator names only the property; a nested one is named by its whole path ("blocks[0].x ...").
        message:
          code === 'whitelistValidation'
            ? `${field} is not an allowed field`
            : message.startsWith(`${e.property} `)
              ? `${field}${message.slice(e.property.length)}`
              : message,
      });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

const VALIDATION_CODE = Symbol('validationCode');

export interface ValidationCode {
  code: string;
  message: string;
}

/**
 * The error code (and message) a body DTO answers with when it is invalid, instead of VALIDATION_FAILED:
 * `@ValidationCode('POLICY_INVALID', 'The policy is invalid')`.
 */
export function ValidationCode(code: string, message: string): ClassDecorator {
  return (target) => Reflect.defineMetadata(VALIDATION_CODE, { code, message }, target);
}

export function validationCodeOf(metatype: unknown): ValidationCode | undefined {
  return typeof metatype === 'function' ? Reflect.getMetadata(VALIDATION_CODE, metatype) : undefined;
}

/** The properties of a DTO class that hold nested DTOs, with whether they hold an array of them (`each`). */
function nestedProperties(target: abstract new (...args: never[]) => unknown): Map<string, boolean> {
  const props = new Map<string, boolean>();
  for (const m of getMetadataStorage().getTargetValidationMetadatas(target, '', true, false)) {
    if (m.type === ValidationTypes.NESTED_VALIDATION)
      props.set(m.propertyName, (props.get(m.propertyName) ?? false) || m.each === true);
  }
  return props;
}

function notAnObject(property: string): ValidationError {
  return {
    property,
    constraints: { isObject: `${property} must be an object, not an array` },
    children: [],
  };
}

/**
 * class-validator's @ValidateNested walks into arrays at any depth, with or without `each`: `blocks: [[{...}]]`
 * passed as if it were `blocks: [{...}]`. Here every nested property holds an object, or (with `each`) an array
 * of objects, never an array inside; checked at every level of every DTO, whatever its own decorators say.
 */
export function nestedShapeErrors(value: object): ValidationError[] {
  const out: ValidationError[] = [];
  for (const [property, each] of nestedProperties(
    value.constructor as abstract new (...args: never[]) => unknown,
  )) {
    const v = (value as Record<string, unknown>)[property];
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v) && !each) {
      out.push(notAnObject(property));
      continue;
    }
    const children: ValidationError[] = [];
    if (Array.isArray(v)) {
      v.forEach((item: unknown, i) => {
        if (Array.isArray(item)) children.push(notAnObject(String(i)));
        else if (item !== null && typeof item === 'object') {
          const inner = nestedShapeErrors(item);
          if (inner.length) children.push({ property: String(i), children: inner });
        }
      });
    } else {
      children.push(...nestedShapeErrors(v));
    }
    if (children.length) out.push({ property, children });
  }
  return out;
}

/** Adds `extra` to `errors`, path by path; where a path already has a problem, that one is kept alone. */
function mergeErrors(errors: ValidationError[], extra: ValidationError[]): ValidationError[] {
  for (const x of extra) {
    const same = errors.find((e) => e.property === x.property);
    if (!same) {
      errors.push(x);
      continue;
    }
    if (x.constraints && !Object.keys(same.constraints ?? {}).length) same.constraints = x.constraints;
    same.children = mergeErrors(same.children ?? [], x.children ?? []);
  }
  return errors;
}

/**
 * A validator or transformer that throws on odd input (class-validator reading a number's decimals,
 * class-transformer recursing) has still found bad input: 400, never 500. Nested arrays where a DTO expects
 * objects are refused too (nestedShapeErrors).
 */
class EdgeValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return mergeErrors(errors, nestedShapeErrors(object));
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (err) {
      const own = validationCodeOf(this.expectedType ?? metadata.metatype);
      if (own && err instanceof ValidationFailedError && err.code === 'VALIDATION_FAILED')
        throw new ValidationFailedError(own.message, err.details, own.code);
      if (err instanceof AppError || err instanceof HttpException) throw err;
      throw new ValidationFailedError('Request could not be validated', [
        { field: metadata.data ?? metadata.type, code: 'unreadable', message: 'a value could not be read' },
      ]);
    }
  }
}

/** A merge-patch body: each field given is checked as in the full DTO (nested values completely), absent ones not. */
class PatchValidationPipe extends EdgeValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    return errors.filter((e) => (object as Record<string, unknown>)[e.property] !== undefined);
  }
}

/**
 * The one global pipe: unknown fields rejected, every problem listed with its field path. `expectedType` (with
 * `patch` for a merge-patch of it) is for a parameter pipe whose parameter type is not the DTO class.
 */
export function createValidationPipe(options: { expectedType?: Type; patch?: boolean } = {}): ValidationPipe {
  return new (options.patch ? PatchValidationPipe : EdgeValidationPipe)({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    expectedType: options.expectedType,
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
