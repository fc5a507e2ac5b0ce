import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DeductionLifecycleCommand } from '../../deductions/deduction-lifecycle.command';
import { loadEmployee } from '../../employees/load-employee';
import { resolveConsequence } from '../../rulebook/domain/consequence';
import { DEFAULT_COMPANY } from '../../rulebook/domain/rulebook.types';
import { loadRulebook } from '../../rulebook/load-rulebook';
import type { CommandResult } from '../../shared/command-handling/handle-command';
import { refuseConsequence } from '../consequence.errors';
import { EVENT_STORE } from '../../shared/event-store/event-store.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { ApplyConsequenceCommand } from './apply-consequence.command';

export type ConsequenceResult = CommandResult | { appended: 0; consequence: 'none'; reason: string };

/** Loads the rulebook and the person responsible, resolves what the fact costs, and applies it. */
@CommandHandler(ApplyConsequenceCommand)
export class ApplyConsequenceHandler implements ICommandHandler<ApplyConsequenceCommand, ConsequenceResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ data, metadata }: ApplyConsequenceCommand): Promise<ConsequenceResult> {
    const { versions } = await loadRulebook(this.store, DEFAULT_COMPANY);
    let cost: { ruleCode: string; points: number; serious?: boolean };
    if (versions.length === 0) {
      if (!data.legacyRule) return { appended: 0, consequence: 'none', reason: 'no rulebook is published and the fact names no rule' };
      cost = data.legacyRule;
    } else {
      const employee = await loadEmployee(this.store, data.employeeId);
      if (employee.status !== 'registered') {
        throw refuseConsequence('employee_not_registered', `employee ${data.employeeId} is not registered, so no rulebook position says what ${data.reason} costs`, { employeeId: data.employeeId });
      }
      const resolved = resolveConsequence(versions, employee.position, data.trigger, data.at);
      if (!resolved.costs) return { appended: 0, consequence: 'none', reason: resolved.reason };
      cost = resolved;
    }
    const { ruleCode, points, serious } = cost;
    return this.commandBus.execute(
      new DeductionLifecycleCommand(
        { type: 'ApplyDeduction', data: { deductionId: data.deductionId, employeeId: data.employeeId, ruleCode, points, ...(serious ? { serious } : {}), occurredAt: data.at, reason: data.reason, source: data.source } },
        metadata,
      ),
    );
  }
}
