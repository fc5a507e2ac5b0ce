import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { CommandResponse } from '../../shared/command-handling/command-response';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { ApiCommand } from '../../shared/http/api-command.decorator';
import { CommandMeta, IfMatchRevision } from '../../shared/http/command-metadata.decorator';
import { ServiceLevelsService } from '../service-levels.service';
import { DefineServiceLevelsCommand } from './define-service-levels.command';
import { ImportPublicHolidaysDto, ServiceLevelsDto, WorkingCalendarDto } from './define-service-levels.dto';
import { refuseServiceLevels } from '../domain/service-levels.errors';
import { publishedChineseYear } from '../import-public-holidays/chinese-days.source';

class ServiceLevelsInForceDoc {
  @ApiProperty({ type: WorkingCalendarDto }) calendar!: WorkingCalendarDto;
  @ApiProperty({ type: ServiceLevelsDto }) settings!: ServiceLevelsDto;
}

@ApiTags('service-levels')
@Controller()
export class DefineServiceLevelsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly serviceLevels: ServiceLevelsService,
  ) {}

  private async define(command: DefineServiceLevelsCommand['command'], metadata: CommandMetadata, revision?: number) {
    const result = await this.commandBus.execute<DefineServiceLevelsCommand, CommandResult>(new DefineServiceLevelsCommand(command, metadata, revision));
    return CommandResponse.of('company', result);
  }

  @Put('working-calendar')
  @RequirePermissions('calendars:manage')
  @ApiCommand('Define the working calendar: working weekdays, holidays, make-up working days (调休), business hours')
  calendar(@Body() dto: WorkingCalendarDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number) {
    const calendar = { ...dto, businessHours: { ...dto.businessHours } };
    return this.define({ type: 'DefineWorkingCalendar', data: { calendar } }, metadata, revision);
  }

  @Post('working-calendar/public-holidays')
  @RequirePermissions('calendars:manage')
  @ApiCommand("Import a year's public holidays and make-up working days (调休) as the chinese-days package publishes them: a new calendar version, other years kept")
  async importPublicHolidays(@Body() dto: ImportPublicHolidaysDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number) {
    const published = publishedChineseYear(dto.year);
    if (!published) throw refuseServiceLevels('public_holidays_not_published', `the public-holiday source publishes no holidays for ${dto.year}`, { path: 'year' });
    const { source, ...year } = published;
    const { calendar } = await this.serviceLevels.inForce();
    const response = await this.define({ type: 'ImportPublicHolidays', data: { published: year, otherwise: calendar } }, metadata, revision);
    return { ...response, source, holidays: year.holidays.length, makeUpWorkingDays: year.makeUpWorkingDays.length };
  }

  @Put('service-levels')
  @RequirePermissions('service-levels:manage')
  @ApiCommand('Define the service-level policies: targets per ticket kind and priority, complaint and talk targets, the rules breaches cost')
  settings(@Body() dto: ServiceLevelsDto, @CommandMeta() metadata: CommandMetadata, @IfMatchRevision() revision?: number) {
    const settings = { ticketPolicies: dto.ticketPolicies, complaint: dto.complaint, talk: dto.talk };
    return this.define({ type: 'DefineServiceLevels', data: { settings } }, metadata, revision);
  }

  @Get('service-levels')
  @RequirePermissions('service-levels:read')
  @ApiOperation({ summary: 'The working calendar and service levels in force (defaults until defined)' })
  @ApiOkResponse({ type: ServiceLevelsInForceDoc })
  inForce() {
    return this.serviceLevels.inForce();
  }
}
