import { createValidationPipe } from '@app/common';
import { PartialType } from '@nestjs/swagger';
import { PolicyBodyDto } from './policy-body.dto';

/** A merge-patch of a draft's body: any top-level fields of the policy body, each complete. */
export class UpdatePolicyDto extends PartialType(PolicyBodyDto) {}

/** The fields given are checked as in the full body (null only where it allows null); absent ones keep theirs. */
export const UPDATE_POLICY_PIPE = createValidationPipe({ expectedType: PolicyBodyDto, patch: true });
