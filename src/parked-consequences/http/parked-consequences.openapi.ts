import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The OpenAPI shape of GET /parked-consequences. */
export class ParkedCauseDoc {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty({ example: 'TicketDeadlineBreached' }) eventType!: string;
  @ApiProperty() position!: number;
}

export class ParkedCommandDoc {
  @ApiProperty({ example: 'ApplyConsequence' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
}

export class ParkedErrorDoc {
  @ApiProperty({ example: 'employee_not_registered' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ description: 'a refusal of the business rules (no retry helps) rather than an outage' }) permanent!: boolean;
}

export class ParkedResolutionDoc {
  @ApiProperty({ format: 'date-time' }) resolvedAt!: string;
  @ApiProperty() resolvedBy!: string;
}

export class ParkedConsequenceDoc {
  @ApiProperty({ example: 'PC-3f2a9c0d' }) _id!: string;
  @ApiProperty({ enum: ['parked', 'resolved'] }) status!: string;
  @ApiProperty({ type: ParkedCauseDoc }) cause!: ParkedCauseDoc;
  @ApiProperty({ type: ParkedCommandDoc }) command!: ParkedCommandDoc;
  @ApiProperty({ type: ParkedErrorDoc }) error!: ParkedErrorDoc;
  @ApiProperty({ example: 3 }) attempts!: number;
  @ApiProperty({ format: 'date-time' }) parkedAt!: string;
  @ApiPropertyOptional({ type: ParkedResolutionDoc }) resolution?: ParkedResolutionDoc;
}

export class ParkedConsequencePage {
  @ApiProperty({ type: [ParkedConsequenceDoc] }) items!: ParkedConsequenceDoc[];
  @ApiProperty() total!: number;
  @ApiProperty({ example: 100 }) limit!: number;
  @ApiProperty({ example: 0 }) offset!: number;
}
