import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shapes of the probes and the parked events. */
export class LivenessDoc {
  @ApiProperty({ enum: ['ok'] }) status!: string;
}

export class HealthCheckDoc {
  @ApiProperty({ example: 'event-store' }) name!: string;
  @ApiProperty({ enum: ['ok', 'degraded', 'failing'] }) status!: string;
  @ApiPropertyOptional() reason?: string;
}

export class ReadinessDoc {
  @ApiProperty({ enum: ['ok', 'degraded', 'failing'] }) status!: string;
  @ApiProperty({ description: 'position of the newest stored event' }) headPosition!: number;
  @ApiProperty({ type: [HealthCheckDoc] }) checks!: HealthCheckDoc[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'projection → the position it has reached' }) projections!: Record<string, number>;
}

export class ParkedEventDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ description: "the read model's checkpoint (name and version)" }) readModel!: string;
  @ApiProperty({ example: 'scores' }) projection!: string;
  @ApiProperty() position!: number;
  @ApiProperty({ example: 'DeductionApplied' }) type!: string;
  @ApiProperty() streamName!: string;
  @ApiProperty() error!: string;
  @ApiProperty({ format: 'date-time' }) parkedAt!: string;
}

export class ParkedEventPage {
  @ApiProperty() total!: number;
  @ApiProperty({ example: 100 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
  @ApiProperty({ type: [ParkedEventDoc] }) items!: ParkedEventDoc[];
}
