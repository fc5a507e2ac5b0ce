import { Body, Controller, Delete, Get, HttpCode, Post, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CredentialListDoc } from '../auth.openapi';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { NotFoundError } from '../../shared/domain/domain-error';
import { IdParam } from '../../shared/http/id-param.pipe';
import { NO_IDEMPOTENT_REPLAY } from '../../shared/http/idempotency.interceptor';
import { toInstant } from '../../shared/http/instant';
import type { Principal } from '../domain/principal';
import { CredentialsService } from './credentials.service';
import { IssueCredentialDto } from './issue-credential.dto';

@ApiTags('credentials')
@ApiBearerAuth()
@Controller('credentials')
export class CredentialsController {
  constructor(private readonly credentials: CredentialsService) {}

  @Post()
  @RequirePermissions('credentials:manage')
  // the answer holds the token: it must never be stored for an idempotent replay
  @SetMetadata(NO_IDEMPOTENT_REPLAY, true)
  @ApiOperation({ summary: 'Issue a credential bound to a principal with roles; the token is in this answer only' })
  issue(@Body() dto: IssueCredentialDto, @CurrentPrincipal() admin: Principal) {
    const principal: Principal = { id: dto.principalId, roles: [...new Set(dto.roles)], departments: dto.departments ?? [] };
    if (dto.employeeId) principal.employeeId = dto.employeeId;
    return this.credentials.issue(principal, admin.id, dto.expiresAt ? toInstant(dto.expiresAt) : null);
  }

  @Get()
  @RequirePermissions('credentials:manage')
  @ApiOperation({ summary: 'Every credential issued, without tokens or hashes' })
  @ApiOkResponse({ type: CredentialListDoc })
  async list() {
    const all = await this.credentials.list();
    return { credentials: all.map(({ tokenHash, ...credential }) => credential) };
  }

  @Delete(':credentialId')
  @HttpCode(204)
  @RequirePermissions('credentials:manage')
  @ApiOperation({ summary: 'Revoke a credential: its token is refused (401) from now on' })
  async revoke(@IdParam('credentialId') credentialId: string): Promise<void> {
    if (!(await this.credentials.revoke(credentialId))) throw new NotFoundError('credential', credentialId);
  }
}
