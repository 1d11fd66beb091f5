import { ProblemDto } from '@app/common';
import { Actor, MeetingDayScheduleService, MeetingDaysService } from '@app/domain';
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
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public, Roles } from '../identity/auth.decorators';
import { JobAcceptedDto } from '../jobs/dto/job-response.dto';
import { CreateEventDto } from './dto/create-event.dto';
import { CreateRegistrationDto } from './dto/create-registration.dto';
import { EventListQueryDto } from './dto/event-query.dto';
import { EventListDto, EventResponseDto } from './dto/event-response.dto';
import { EventResultsDto } from './dto/event-results.dto';
import { ScheduleResponseDto } from './dto/meeting-response.dto';
import { ParticipantDto, ParticipantListDto } from './dto/participant-response.dto';
import { RegistrationListDto, RegistrationResponseDto } from './dto/registration-response.dto';
import { UpdateEventDto } from './dto/update-event.dto';
import { UpdateRegistrationDto } from './dto/update-registration.dto';

@ApiTags('events')
@ApiBearerAuth()
@ApiResponse({
  status: 400,
  type: ProblemDto,
  description: 'Invalid input (details name each bad field)',
})
@ApiResponse({ status: 401, type: ProblemDto })
@ApiResponse({ status: 403, type: ProblemDto, description: 'Another role' })
@Controller('events')
export class EventsController {
  constructor(
    private readonly events: MeetingDaysService,
    private readonly schedules: MeetingDayScheduleService,
  ) {}

  @Post()
  @Roles('procurement_officer')
  @ApiOperation({
    summary: 'Create a Buy Social Marktplaats meeting day (a draft) hosted by your buyer organisation',
  })
  @ApiResponse({ status: 201, type: EventResponseDto })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateEventDto): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.create(actor, dto));
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Meeting days open for registration or closed; officers also see their own drafts',
  })
  @ApiResponse({ status: 200, type: EventListDto })
  async list(@CurrentActor() actor: Actor | undefined, @Query() q: EventListQueryDto): Promise<EventListDto> {
    const page = await this.events.list(actor, q);
    return { items: page.items.map(EventResponseDto.from), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One meeting day' })
  @ApiResponse({ status: 200, type: EventResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async get(
    @CurrentActor() actor: Actor | undefined,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.get(actor, id));
  }

  @Patch(':id')
  @Roles('procurement_officer')
  @ApiOperation({
    summary:
      'Change a meeting day while it is a draft or open for registration (fields sent replace the stored ones)',
  })
  @ApiResponse({ status: 200, type: EventResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'EVENT_NOT_EDITABLE (registration closed)' })
  async update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEventDto,
  ): Promise<EventResponseDto> {
    await this.events.update(actor, id, dto);
    return EventResponseDto.from(await this.events.get(actor, id));
  }

  @Post(':id/open')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({
    summary:
      'Open registration (draft → open); contractors with an open obligation towards the buyer and the social enterprises matching them are notified',
  })
  @ApiResponse({ status: 200, type: EventResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async open(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.transition(actor, id, 'open'));
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Close registration (open → closed)' })
  @ApiResponse({ status: 200, type: EventResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'ILLEGAL_TRANSITION' })
  async close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EventResponseDto> {
    return EventResponseDto.from(await this.events.transition(actor, id, 'close'));
  }

  @Post(':id/registrations')
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Register your organisation, with its availability, maximum meetings and wishes' })
  @ApiResponse({ status: 201, type: RegistrationResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({
    status: 409,
    type: ProblemDto,
    description: 'ALREADY_REGISTERED or REGISTRATION_CLOSED',
  })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'INVALID_WISH' })
  async register(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateRegistrationDto,
  ): Promise<RegistrationResponseDto> {
    const row = await this.events.register(actor, id, dto);
    return RegistrationResponseDto.from(row, await this.events.namesOf(row.wishes));
  }

  @Patch(':id/registrations/:registrationId')
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Change your registration while registration is open' })
  @ApiResponse({ status: 200, type: RegistrationResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'REGISTRATION_CLOSED' })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'INVALID_WISH' })
  async updateRegistration(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
    @Body() dto: UpdateRegistrationDto,
  ): Promise<RegistrationResponseDto> {
    const row = await this.events.updateRegistration(actor, id, registrationId, dto);
    return RegistrationResponseDto.from(row, await this.events.namesOf(row.wishes));
  }

  @Delete(':id/registrations/:registrationId')
  @HttpCode(204)
  @Roles('contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Withdraw your registration while registration is open' })
  @ApiResponse({ status: 204, description: 'Withdrawn' })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'REGISTRATION_CLOSED' })
  async withdraw(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('registrationId', ParseUUIDPipe) registrationId: string,
  ): Promise<void> {
    return this.events.withdraw(actor, id, registrationId);
  }

  @Get(':id/registrations')
  @Roles('procurement_officer', 'contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Registrations: every one for the hosting officer, your own for a registrant' })
  @ApiResponse({ status: 200, type: RegistrationListDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async registrations(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RegistrationListDto> {
    const rows = await this.events.registrations(actor, id);
    const names = await this.events.namesOf(rows.flatMap((r) => r.wishes));
    return { items: rows.map((r) => RegistrationResponseDto.from(r, names)) };
  }

  @Get(':id/participants')
  @Roles('procurement_officer', 'contractor', 'social_enterprise')
  @ApiOperation({
    summary:
      'Registered organisations by name: all for the hosting officer; for a contractor or social enterprise those of the other kind, to choose wishes from',
  })
  @ApiResponse({ status: 200, type: ParticipantListDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 422, type: ProblemDto, description: 'NOT_REGISTRABLE' })
  async participants(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ParticipantListDto> {
    return { items: (await this.events.participants(actor, id)).map(ParticipantDto.from) };
  }

  @Post(':id/schedule')
  @HttpCode(202)
  @Roles('procurement_officer')
  @ApiOperation({ summary: 'Build the schedule of a closed day (a background job; poll GET /jobs/:id)' })
  @ApiResponse({ status: 202, type: JobAcceptedDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'EVENT_NOT_CLOSED or SCHEDULE_LOCKED' })
  async requestSchedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<JobAcceptedDto> {
    return JobAcceptedDto.from(await this.schedules.requestSchedule(actor, id));
  }

  @Post(':id/schedule/publish')
  @HttpCode(200)
  @Roles('procurement_officer')
  @ApiOperation({
    summary:
      'Publish the built schedule: registrants then see their meetings and are notified (again after a rebuild); publishing the same revision twice changes nothing',
  })
  @ApiResponse({ status: 200, type: EventResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  @ApiResponse({ status: 409, type: ProblemDto, description: 'SCHEDULE_NOT_BUILT' })
  async publishSchedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EventResponseDto> {
    await this.schedules.publish(actor, id);
    return EventResponseDto.from(await this.events.get(actor, id));
  }

  @Get(':id/schedule')
  @Roles('procurement_officer', 'contractor', 'social_enterprise')
  @ApiOperation({
    summary:
      "The day's meetings: all for the hosting officer; a registrant its own, once the officer published the schedule",
  })
  @ApiResponse({ status: 200, type: ScheduleResponseDto })
  @ApiResponse({ status: 404, type: ProblemDto, description: 'EVENT_NOT_FOUND or SCHEDULE_NOT_FOUND' })
  async schedule(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ScheduleResponseDto> {
    return ScheduleResponseDto.from(await this.schedules.schedule(actor, id));
  }

  @Get(':id/calendar')
  @Roles('procurement_officer', 'contractor', 'social_enterprise')
  @ApiOperation({ summary: 'Your meetings as an iCalendar file (.ics)' })
  @ApiProduces('text/calendar')
  @ApiResponse({ status: 200, description: 'The calendar', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 404, type: ProblemDto })
  async calendar(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<StreamableFile> {
    const file = await this.schedules.calendar(actor, id);
    return new StreamableFile(Buffer.from(file.content, 'utf8'), {
      type: 'text/calendar; charset=utf-8',
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  @Get(':id/results')
  @Roles('procurement_officer')
  @ApiOperation({
    summary: 'The funnel: meetings held, and the quote requests, orders and verified credit after them',
  })
  @ApiResponse({ status: 200, type: EventResultsDto })
  @ApiResponse({ status: 404, type: ProblemDto })
  async results(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EventResultsDto> {
    return EventResultsDto.from(await this.schedules.results(actor, id));
  }
}
