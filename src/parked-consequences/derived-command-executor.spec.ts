import type { CommandBus } from '@nestjs/cqrs';
import { loadConfig } from '../shared/config/app-config';
import { DomainError } from '../shared/domain/domain-error';
import type { RecordedEvent } from '../shared/event-store/event-store.port';
import { DerivedCommandExecutor, ExecutionAborted } from './derived-command-executor.service';

class ApplySomething {
  constructor(readonly data: { id: string }) {}
}

const event = { id: 'ev-1', type: 'SomethingHappened', position: 3, data: {}, metadata: {} } as unknown as RecordedEvent;
const clock = { now: () => new Date('2026-10-12T02:00:00.000Z') };

/** A command bus that fails with the given errors, in order, then succeeds. */
function busFailing(...errors: Error[]) {
  const executed: object[] = [];
  const bus = {
    execute: async (command: object) => {
      executed.push(command);
      const error = errors.shift();
      if (error) throw error;
    },
  } as unknown as CommandBus;
  return { bus, executed };
}

function executorWith(bus: CommandBus, env: NodeJS.ProcessEnv = {}) {
  const executor = new DerivedCommandExecutor(bus, loadConfig({ SAGA_RETRY_ATTEMPTS: '3', SAGA_RETRY_BASE_DELAY_MS: '50', SAGA_RETRY_MAX_DELAY_MS: '1000', ...env }), clock);
  const waits: number[] = [];
  executor.sleep = async (ms) => void waits.push(ms);
  return { executor, waits };
}

describe('executing the commands a saga derived', () => {
  const signal = new AbortController().signal;

  it('retries a transient failure with backoff and parks nothing when it then succeeds', async () => {
    const { bus, executed } = busFailing(new Error('No handler found for the command'), new Error('database is locked'));
    const { executor, waits } = executorWith(bus);
    expect(await executor.execute(event, 0, [new ApplySomething({ id: 'x' })], signal)).toEqual([]);
    expect(executed).toHaveLength(3);
    expect(waits).toEqual([50, 100]);
  });

  it('parks a transient failure after the last attempt, with the cause, the command, the error and the attempts', async () => {
    const { bus } = busFailing(new Error('a'), new Error('b'), new Error('database is locked'));
    const { executor } = executorWith(bus);
    const [parked, ...rest] = await executor.execute(event, 0, [new ApplySomething({ id: 'x' })], signal);
    expect(rest).toEqual([]);
    expect(parked).toMatchObject({
      status: 'parked',
      cause: { eventId: 'ev-1', eventType: 'SomethingHappened', position: 3 },
      command: { type: 'ApplySomething', payload: { data: { id: 'x' } } },
      error: { code: 'Error', message: 'database is locked', permanent: false },
      attempts: 3,
      parkedAt: '2026-10-12T02:00:00.000Z',
    });
  });

  it('parks a domain refusal after one attempt and goes on with the next command', async () => {
    const { bus, executed } = busFailing(new DomainError('period_closed', 'period 2026-09 is closed'));
    const { executor, waits } = executorWith(bus);
    const parked = await executor.execute(event, 0, [new ApplySomething({ id: 'x' }), new ApplySomething({ id: 'y' })], signal);
    expect(parked.map((p) => [p.error.code, p.attempts, p.command.payload])).toEqual([['period_closed', 1, { data: { id: 'x' } }]]);
    expect(executed).toHaveLength(2);
    expect(waits).toEqual([]);
  });

  it('gives up without parking when stopped between attempts, so the event is handled again after a restart', async () => {
    const { bus } = busFailing(new Error('database is locked'));
    const { executor } = executorWith(bus);
    const stop = new AbortController();
    executor.sleep = async () => stop.abort();
    await expect(executor.execute(event, 0, [new ApplySomething({ id: 'x' })], stop.signal)).rejects.toBeInstanceOf(ExecutionAborted);
  });
});
