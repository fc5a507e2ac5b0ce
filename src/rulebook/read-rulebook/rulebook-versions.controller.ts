import { BadRequestException, Controller, Get, Inject, Param, ParseIntPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { NotFoundError } from '../../shared/domain/domain-error';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { IsInstant, toInstant } from '../../shared/http/instant';
import { versionInForce } from '../domain/rule-in-force';
import { DEFAULT_COMPANY } from '../domain/rulebook.types';
import type { RulebookVersion } from '../domain/rulebook.types';
import { loadRulebook } from '../load-rulebook';

export class InForceQueryDto {
  @ApiPropertyOptional({ example: '2026-03-10T09:00:00+08:00', description: 'the instant (default now)' })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class RulebookVersionSummary {
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) effectiveFrom!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: [String], description: 'the positions its schemes assess' }) positions!: string[];
  @ApiProperty() rules!: number;
  @ApiProperty({ description: 'whether it is the version in force now' }) inForce!: boolean;
}

/** A version whole, as published (docs/rulebook.md describes every field). */
const rulebookVersionSchema = {
  type: 'object',
  required: ['version', 'effectiveFrom', 'title', 'schemes', 'rules'],
  properties: {
    version: { type: 'integer' },
    effectiveFrom: { type: 'string', format: 'date-time' },
    title: { type: 'string' },
    schemes: { type: 'array', items: { type: 'object', additionalProperties: true } },
    rules: { type: 'array', items: { type: 'object', additionalProperties: true } },
    appeals: { type: 'object', additionalProperties: true },
    rollUp: { type: 'object', additionalProperties: true },
  },
};

export class RulebookVersionList {
  @ApiProperty({ type: [RulebookVersionSummary] }) versions!: RulebookVersionSummary[];
  @ApiProperty({ type: Number, nullable: true, description: 'the version in force now' }) inForce!: number | null;
}

const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new BadRequestException({ statusCode: 400, code: 'invalid_input', message: ['version must be a whole number'], fields: [{ field: 'version', rules: ['isInt'] }] }),
});

/** The published rulebook versions (read straight from the rulebook stream: a handful of documents). */
@ApiTags('rulebook')
@Controller('rulebook')
export class RulebookVersionsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('versions')
  @RequirePermissions('rulebooks:read')
  @ApiOperation({ summary: 'Every published rulebook version, oldest first, and which is in force now' })
  @ApiOkResponse({ type: RulebookVersionList })
  async list(): Promise<RulebookVersionList> {
    const { versions } = await loadRulebook(this.store, DEFAULT_COMPANY);
    const inForce = versionInForce(versions, this.clock.now().toISOString())?.version ?? null;
    return {
      inForce,
      versions: versions.map(({ version, effectiveFrom, title, schemes, rules }) => ({ version, effectiveFrom, title, positions: schemes.map((s) => s.position), rules: rules.length, inForce: version === inForce })),
    };
  }

  @Get('versions/:version')
  @RequirePermissions('rulebooks:read')
  @ApiOperation({ summary: 'One published rulebook version, whole: schemes, rules, appeals, roll-up, consequences' })
  @ApiOkResponse({ schema: rulebookVersionSchema })
  async one(@Param('version', versionNumber) version: number): Promise<RulebookVersion> {
    const { versions } = await loadRulebook(this.store, DEFAULT_COMPANY);
    const found = versions.find((v) => v.version === version);
    if (!found) throw new NotFoundError('rulebook version', String(version));
    return found;
  }

  @Get('in-force')
  @RequirePermissions('rulebooks:read')
  @ApiOperation({ summary: 'The rulebook version in force at an instant (default now), whole' })
  @ApiOkResponse({ schema: rulebookVersionSchema })
  async inForce(@Query() dto: InForceQueryDto): Promise<RulebookVersion> {
    const at = dto.at ? toInstant(dto.at) : this.clock.now().toISOString();
    const { versions } = await loadRulebook(this.store, DEFAULT_COMPANY);
    const version = versionInForce(versions, at);
    if (!version) throw new NotFoundError('rulebook version in force at', at);
    return version;
  }
}
