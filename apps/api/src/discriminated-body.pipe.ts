import { createValidationPipe, ValidationCode, ValidationFailedError } from '@app/common';
import { ArgumentMetadata, PipeTransform, Type, ValidationPipe } from '@nestjs/common';

/**
 * A flat body that is one of several DTO classes told apart by a tag field (`category`): the class of the tag
 * is validated like any DTO (unknown fields refused, every problem with its path, the class's own error code);
 * a missing or unknown tag is named. The parameter's type is a union, so the global pipe leaves it alone.
 */
export class DiscriminatedBodyPipe implements PipeTransform {
  private readonly pipes: Map<string, ValidationPipe>;

  constructor(
    private readonly tag: string,
    classes: Record<string, Type<object>>,
    private readonly error: ValidationCode,
  ) {
    this.pipes = new Map(
      Object.entries(classes).map(([value, expectedType]) => [value, createValidationPipe({ expectedType })]),
    );
  }

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const tag =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)[this.tag]
        : undefined;
    const pipe = typeof tag === 'string' ? this.pipes.get(tag) : undefined;
    if (!pipe) {
      const allowed = [...this.pipes.keys()].join(', ');
      throw new ValidationFailedError(
        this.error.message,
        [{ field: this.tag, code: 'isIn', message: `${this.tag} must be one of: ${allowed}` }],
        this.error.code,
      );
    }
    return pipe.transform(value, metadata);
  }
}
