import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { CLOCK } from '../shared/clock';
import type { Clock } from '../shared/clock';
import { EVENT_STORE } from '../shared/event-store/event-store.port';
import type { EventStore } from '../shared/event-store/event-store.port';
import { ChainCheckpointer } from './checkpoints/chain-checkpointer';
import { CheckpointLog } from './checkpoints/checkpoint-log';
import { LogCheckpointer } from './checkpoints/log-checkpointer';
import { StreamHeadsCheckpointer } from './checkpoints/stream-heads-checkpointer';
import { HeadsFile } from './checkpoints/heads-file';
import { ProveRecordController } from './prove-record/prove-record.controller';
import { LogRecordProver } from './prove-record/log-record-prover';
import { RecordProver } from './prove-record/record-prover';
import { StreamRecordProver } from './prove-record/stream-record-prover';
import { loadSigningKey, SIGNING_KEY } from './signing-key/signing-key';
import type { SigningKey } from './signing-key/signing-key';
import { IntegrityController } from './verify-integrity/integrity.controller';
import { IntegrityVerifier } from './verify-integrity/integrity-verifier';

/** The auditor's proof: the chain's checkpoints, its verification and record proofs (docs/integrity.md). */
@Module({
  imports: [AuthModule],
  controllers: [IntegrityController, ProveRecordController],
  providers: [
    { provide: SIGNING_KEY, useFactory: (config: AppConfig) => loadSigningKey(config.signingKeyFile, config.dataDir), inject: [APP_CONFIG] },
    { provide: CheckpointLog, useFactory: (config: AppConfig) => CheckpointLog.inDataDir(config.dataDir), inject: [APP_CONFIG] },
    { provide: HeadsFile, useFactory: (config: AppConfig) => HeadsFile.inDataDir(config.dataDir), inject: [APP_CONFIG] },
    {
      provide: ChainCheckpointer,
      useFactory: (store: EventStore, key: SigningKey, log: CheckpointLog, headsFile: HeadsFile, clock: Clock) => checkpointerFor(store, key, log, headsFile, clock),
      inject: [EVENT_STORE, SIGNING_KEY, CheckpointLog, HeadsFile, CLOCK],
    },
    IntegrityVerifier,
    {
      provide: RecordProver,
      useFactory: (store: EventStore, checkpointer: ChainCheckpointer) => proverFor(store, checkpointer),
      inject: [EVENT_STORE, ChainCheckpointer],
    },
  ],
  exports: [ChainCheckpointer],
})
export class IntegrityModule {}

/** The embedded store keeps one chain over its log; EventStoreDB one per stream (docs/integrity.md). */
function checkpointerFor(store: EventStore, key: SigningKey, log: CheckpointLog, headsFile: HeadsFile, clock: Clock): ChainCheckpointer {
  const signing = { key, log, headsFile, clock };
  if (store.chain) return new LogCheckpointer(store.chain, signing);
  if (store.streamChain) return new StreamHeadsCheckpointer(store.streamChain, signing);
  throw new Error('the event store keeps no chain: the auditor\'s proof needs the embedded store or EventStoreDB (docs/integrity.md)');
}

function proverFor(store: EventStore, checkpointer: ChainCheckpointer): RecordProver {
  if (store.chain) return new LogRecordProver(store, store.chain, checkpointer);
  if (store.streamChain) return new StreamRecordProver(store, store.streamChain, checkpointer);
  throw new Error('the event store keeps no chain: record proofs need the embedded store or EventStoreDB (docs/integrity.md)');
}
