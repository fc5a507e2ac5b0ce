import { DomainError } from '../domain/domain-error';

/**
 * The code and details of the DomainError `run` throws, for specs of pure functions that refuse:
 * fails when it accepts, throws something else, or refuses without saying in words what it refused.
 */
export function refusalOf(run: () => unknown): { code: string; details: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError && /\w{3}/.test(error.message)) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('accepted');
}
