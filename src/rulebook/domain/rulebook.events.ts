import type { DomainEvent } from '../../shared/domain/decider';
import type { RulebookVersion } from './rulebook.types';

/** A version of the company's rulebook, validated as a whole, in force from its effectiveFrom. */
export type RulebookVersionPublished = DomainEvent<'RulebookVersionPublished', { companyId: string; publishedAt: string; rulebook: RulebookVersion }>;

export type RulebookEvent = RulebookVersionPublished;
export const rulebookEventTypes = ['RulebookVersionPublished'] as const;
