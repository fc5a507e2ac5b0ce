import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import type { DeductionSource } from '../../deductions/domain/deduction.events';
import type { ConsequenceTrigger } from '../../rulebook/domain/consequence';

/**
 * Issued by the sagas for a fact that may cost the person responsible points: a breached clock,
 * an upheld complaint, a missed talk. The rulebook in force at `at` says what it costs, for the
 * person's position; `legacyRule` (the rule older events carried) applies only while no rulebook
 * is published at all.
 */
export class ApplyConsequenceCommand {
  constructor(
    readonly data: {
      trigger: ConsequenceTrigger;
      deductionId: string;
      employeeId: string;
      at: string;
      reason: string;
      source: DeductionSource;
      legacyRule?: { ruleCode: string; points: number };
    },
    readonly metadata: CommandMetadata,
  ) {}
}
