import type { Decider } from '../domain/decider';

/**
 * given(events).when(command).then(events) | .thenThrows(code) for deciders.
 * The context (facts from other streams) is given with `withContext`.
 */
export function deciderSpecification<C, E extends { type: string }, S, X>(decider: Decider<C, E, S, X>) {
  return {
    given(events: E[], context?: X) {
      const state = events.reduce(decider.evolve, decider.initialState);
      return {
        when(command: C) {
          const run = () => decider.decide(command, state, context as X);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            /** The refusal's stable code, and a message that says in words what was refused (the API shows it). */
            thenThrows(code: string, details?: Record<string, unknown>) {
              expect(run).toThrow(expect.objectContaining({ code, message: expect.stringMatching(/\w/) }) as unknown as Error);
              if (details) expect(run).toThrow(expect.objectContaining({ details: expect.objectContaining(details) }) as unknown as Error);
            },
          };
        },
      };
    },
  };
}
