import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { ChainCheckpointer } from './checkpoints/chain-checkpointer';
import { CheckpointLog } from './checkpoints/checkpoint-log';
import { ProveRecordController } from './prove-record/prove-record.controller';
import { RecordProver } from './prove-record/record-prover';
import { loadSigningKey, SIGNING_KEY } from './signing-key/signing-key';
import { IntegrityController } from './verify-integrity/integrity.controller';
import { IntegrityVerifier } from './verify-integrity/integrity-verifier';

/** The auditor's proof: the chain's checkpoints, its verification and record proofs (docs/integrity.md). */
@Module({
  imports: [AuthModule],
  controllers: [IntegrityController, ProveRecordController],
  providers: [
    { provide: SIGNING_KEY, useFactory: (config: AppConfig) => loadSigningKey(config.signingKeyFile, config.dataDir), inject: [APP_CONFIG] },
    { provide: CheckpointLog, useFactory: (config: AppConfig) => CheckpointLog.inDataDir(config.dataDir), inject: [APP_CONFIG] },
    ChainCheckpointer,
    IntegrityVerifier,
    RecordProver,
  ],
  exports: [ChainCheckpointer],
})
export class IntegrityModule {}
