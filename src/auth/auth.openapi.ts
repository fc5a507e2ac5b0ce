import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { roles } from './domain/permission-matrix';

/** The OpenAPI shapes of the credentials list and the access log. */
export class PrincipalDoc {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: roles, isArray: true }) roles!: string[];
  @ApiProperty({ type: [String] }) departments!: string[];
  @ApiPropertyOptional() employeeId?: string;
}

export class CredentialDoc {
  @ApiProperty() credentialId!: string;
  @ApiProperty({ type: PrincipalDoc }) principal!: PrincipalDoc;
  @ApiProperty({ format: 'date-time' }) issuedAt!: string;
  @ApiProperty() issuedBy!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
}

export class CredentialListDoc {
  @ApiProperty({ type: [CredentialDoc] }) credentials!: CredentialDoc[];
}

export class AccessLogEntryDoc {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() principalId!: string;
  @ApiProperty({ type: [String] }) principalRoles!: string[];
  @ApiProperty({ type: String, nullable: true, description: 'the role that granted the read (null: refused)' }) role!: string | null;
  @ApiProperty() permission!: string;
  @ApiProperty() employeeId!: string;
  @ApiProperty({ enum: ['granted', 'refused'] }) outcome!: string;
}

export class AccessLogDoc {
  @ApiProperty({ type: [AccessLogEntryDoc] }) entries!: AccessLogEntryDoc[];
}
