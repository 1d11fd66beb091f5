import type { Award } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { ObligationResponseDto } from '../../obligations/dto/obligation-response.dto';

export class AwardResponseDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ type: ObligationResponseDto }) obligation: ObligationResponseDto;

  static from(a: Award): AwardResponseDto {
    return { contractId: a.contract.id, obligation: ObligationResponseDto.from(a.obligationView) };
  }
}
