import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { verifyChain } from '../domain/chain-verification';
import type { ChainReport } from '../domain/chain-verification';
import { verifyStreamChains } from '../domain/stream-chain-verification';
import type { StreamChainReport } from '../domain/stream-chain-verification';
import { CheckpointLog } from '../checkpoints/checkpoint-log';
import { HeadsFile } from '../checkpoints/heads-file';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { SIGNING_KEY } from '../signing-key/signing-key';
import type { SigningKey } from '../signing-key/signing-key';

export interface IntegrityAnswer {
  checkedAt: string;
  /** One chain over the log in global order (the embedded store), or one per stream (EventStoreDB). */
  chain: 'log' | 'per-stream';
  report: ChainReport | StreamChainReport;
  key: { keyId: string; source: SigningKey['source'] };
}

/**
 * Verifies the whole stored log against every checkpoint in the checkpoint log, as the CLI does on
 * a copy: the embedded store's one chain, or EventStoreDB's chains per stream (a module without
 * either chain does not start: see checkpointerFor). Requests that arrive while a verification runs share it.
 */
@Injectable()
export class IntegrityVerifier {
  private running: Promise<IntegrityAnswer> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(SIGNING_KEY) private readonly key: SigningKey,
    private readonly log: CheckpointLog,
    private readonly headsFile: HeadsFile,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  verify(): Promise<IntegrityAnswer> {
    this.running ??= this.verifyNow().finally(() => (this.running = undefined));
    return this.running;
  }

  private async verifyNow(): Promise<IntegrityAnswer> {
    const key = { keyId: this.key.keyId, source: this.key.source };
    const checkedAt = this.clock.now().toISOString();
    const { checkpoints, unreadable } = this.log.read();
    const chain = this.store.chain ? 'log' : 'per-stream';
    const report = this.store.chain
      ? await verifyChain(this.store.chain, checkpoints, this.key.publicKey)
      : await verifyStreamChains(this.store.streamChain!, checkpoints, this.key.publicKey, this.headsFile.read());
    if (unreadable.length > 0) {
      report.findings.push(...unreadable.map((message) => ({ kind: 'untrusted-checkpoint' as const, message })));
      report.intact = false;
    }
    return { checkedAt, chain, report, key };
  }
}
