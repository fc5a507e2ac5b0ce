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
            thenThrows(code: string) {
              expect(run).toThrow(expect.objectContaining({ code }) as unknown as Error);
            },
          };
        },
      };
    },
  };
}
