import type { Decider } from '../domain/decider';
import { entityErrors } from '../domain/error-catalogue';
import type { CodeOf, ErrorCatalogue, RefusalCode } from '../domain/error-catalogue';

/**
 * given(events, context).when(command).then(events) | .thenThrows(code) for deciders. The
 * refusal functions are those of the catalogues whose codes the decider may refuse with: thenThrows takes only their codes
 * (and `not_found`), and checks the status the catalogue gives.
 */
export function deciderSpecification<C, E extends { type: string }, S, X, R extends { readonly catalogue: ErrorCatalogue }[]>(decider: Decider<C, E, S, X>, ...refusals: R) {
  type Code = RefusalCode<R[number]> | CodeOf<typeof entityErrors>;
  const known: ErrorCatalogue[] = [...refusals.map((refuse) => refuse.catalogue), entityErrors];
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
            thenThrows(code: Code, details?: Record<string, unknown>) {
              const status = known.find((catalogue) => code in catalogue)?.[code].status;
              expect(run).toThrow(expect.objectContaining({ code, status, message: expect.stringMatching(/\w/) }) as unknown as Error);
              if (details) expect(run).toThrow(expect.objectContaining({ details: expect.objectContaining(details) }) as unknown as Error);
            },
          };
        },
      };
    },
  };
}
