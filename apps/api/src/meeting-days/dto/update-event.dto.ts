import { PartialType } from '@nestjs/swagger';
import { CreateEventDto } from './create-event.dto';

/** The same fields, each optional: a field sent replaces the stored value, one left out is kept. */
export class UpdateEventDto extends PartialType(CreateEventDto) {}
