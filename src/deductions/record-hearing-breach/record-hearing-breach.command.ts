import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { RecordHearingBreach } from '../domain/deduction.commands';

/** Issued by the deadline watcher when a contested deduction's hearing is overdue (no HTTP route). */
export class RecordHearingBreachCommand {
  constructor(
    readonly data: RecordHearingBreach['data'],
    readonly metadata: CommandMetadata,
  ) {}
}
