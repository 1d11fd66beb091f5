import { PartialType } from '@nestjs/swagger';
import { CreateChallengeDto } from './create-challenge.dto';

/** The same fields, each optional: a field sent replaces the stored value, one left out is kept. */
export class UpdateChallengeDto extends PartialType(CreateChallengeDto) {}
