import { ProblemDto } from '@app/common';
import { Actor, DirectoryService, ReferenceDataService, SearchService } from '@app/domain';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import { CreateOfferingDto } from './dto/create-offering.dto';
import { OfferingSearchResultDto } from './dto/offering-search-result.dto';
import { OfferingDto } from './dto/offering-response.dto';
import { SearchQueryDto } from './dto/search-query.dto';
import { UpdateOfferingDto } from './dto/update-offering.dto';

@ApiTags('directory')
@ApiResponse({ status: 400, type: ProblemDto, description: 'Invalid input' })
@Controller('offerings')
export class OfferingsController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly reference: ReferenceDataService,
    private readonly search: SearchService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Search offerings by words, CPV subtree, distance, certification and target group',
  })
  @ApiResponse({ status: 200, type: OfferingSearchResultDto })
  find(@Query() query: SearchQueryDto): Promise<OfferingSearchResultDto> {
    return this.search.offerings(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One offering' })
  @ApiResponse({ status: 200, type: OfferingDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<OfferingDto> {
    return OfferingDto.from(await this.directory.getOffering(id, actor), this.reference);
  }

  @Post()
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Add an offering of the own enterprise' })
  @ApiResponse({ status: 201, type: OfferingDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateOfferingDto): Promise<OfferingDto> {
    return OfferingDto.from(await this.directory.createOffering(actor, dto), this.reference);
  }

  @Patch(':id')
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Change an offering of the own enterprise' })
  @ApiResponse({ status: 200, type: OfferingDto })
  @ApiResponse({ status: 403, type: ProblemDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOfferingDto,
  ): Promise<OfferingDto> {
    return OfferingDto.from(await this.directory.updateOffering(actor, id, dto), this.reference);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @Roles('social_enterprise')
  @ApiOperation({ summary: 'Delete an offering of the own enterprise' })
  @ApiResponse({ status: 204 })
  @ApiResponse({ status: 403, type: ProblemDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.directory.deleteOffering(actor, id);
  }
}
