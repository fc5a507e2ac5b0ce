import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CHECKPOINT, INTEGRITY_ANSWER } from '../integrity.openapi';
import { NoBodyPipe } from '../../shared/http/no-body.pipe';
import { Public, RequirePermissions } from '../../shared/auth/permissions.decorator';
import { ChainCheckpointer } from '../checkpoints/chain-checkpointer';
import { SIGNING_KEY } from '../signing-key/signing-key';
import type { SigningKey } from '../signing-key/signing-key';
import { IntegrityVerifier } from './integrity-verifier';

@ApiTags('integrity')
@Controller('integrity')
export class IntegrityController {
  constructor(
    private readonly verifier: IntegrityVerifier,
    private readonly checkpointer: ChainCheckpointer,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
  ) {}

  @Get()
  @RequirePermissions('integrity:read')
  @ApiOperation({ summary: 'Verifies the whole event log against its chain and every signed checkpoint: how far it is verified, or what is altered, missing, added or out of order' })
  @ApiOkResponse({ description: 'The verification report (docs/integrity.md)', schema: INTEGRITY_ANSWER })
  verify() {
    return this.verifier.verify();
  }

  @Post('checkpoints')
  @HttpCode(201)
  @RequirePermissions('integrity:sign')
  @ApiOperation({ summary: "Signs the chain's head now: a checkpoint to keep outside the service" })
  @ApiCreatedResponse({ description: 'The signed checkpoint', schema: CHECKPOINT })
  sign(@Body(new NoBodyPipe()) _nothing: undefined) {
    return this.checkpointer.sign();
  }

  @Get('public-key')
  @Public()
  @Header('content-type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: "The public half of the checkpoints' signing key (PEM), to verify a copy of the log or a record proof" })
  @ApiOkResponse({ description: 'An Ed25519 public key, SPKI in PEM', content: { 'application/x-pem-file': { schema: { type: 'string' } } } })
  publicKey(): string {
    return this.key.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }
}
