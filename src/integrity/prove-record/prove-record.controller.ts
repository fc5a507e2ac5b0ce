import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessPolicy } from '../../auth/access-policy.service';
import type { Principal } from '../../auth/domain/principal';
import { RequirePermissions } from '../../shared/auth/permissions.decorator';
import { CurrentPrincipal } from '../../shared/auth/request-principal';
import { IdParam } from '../../shared/http/id-param.pipe';
import { RecordProver } from './record-prover';
import { RECORD_PROOF } from '../integrity.openapi';

@ApiTags('integrity')
@Controller('employees')
export class ProveRecordController {
  constructor(
    private readonly prover: RecordProver,
    private readonly access: AccessPolicy,
  ) {}

  @Get(':employeeId/record/proof')
  @RequirePermissions('records:prove')
  @ApiOperation({
    summary: "The employee's record as stored (sealed personal data stays sealed), with each event's links and Merkle path to a checkpoint signed now: checkable with only the public key (npm run verify -- --record)",
  })
  @ApiOkResponse({ description: 'A record proof (format ledger-record-proof/1, docs/integrity.md)', schema: RECORD_PROOF })
  async proof(@IdParam('employeeId') employeeId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.readEmployee(principal, 'records:prove', employeeId);
    return this.prover.prove(employeeId);
  }
}
