import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { Document, Filter, ReadStore } from '../../shared/read-store/read-store.port';
import type { Principal } from '../domain/principal';

/** Not a read model: written as reads happen, never rebuilt or cleared. */
export const ACCESS_LOG_COLLECTION = 'access_log';

export interface AccessLogEntry {
  at: string;
  principalId: string;
  principalRoles: string[];
  /** The role whose grant the access relied on; null when it was refused. */
  role: string | null;
  /** What was read, as the permission that covers it, e.g. `scores:read`. */
  permission: string;
  employeeId: string;
  outcome: 'granted' | 'refused';
}

@Injectable()
export class AccessLogService {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(principal: Principal, permission: string, employeeId: string, role: string | null): Promise<void> {
    const entry: AccessLogEntry = {
      at: this.clock.now().toISOString(),
      principalId: principal.id,
      principalRoles: [...principal.roles],
      role,
      permission,
      employeeId,
      outcome: role === null ? 'refused' : 'granted',
    };
    await this.store.ensureIndex(ACCESS_LOG_COLLECTION, { fields: ['employeeId', 'at'] });
    await this.store.upsert(ACCESS_LOG_COLLECTION, { _id: randomUUID(), ...entry });
  }

  async find(filter: { employeeId?: string; principalId?: string }, limit: number, offset: number): Promise<AccessLogEntry[]> {
    const query: Filter = {};
    if (filter.employeeId) query.employeeId = filter.employeeId;
    if (filter.principalId) query.principalId = filter.principalId;
    const docs = await this.store.find<Document & AccessLogEntry>(ACCESS_LOG_COLLECTION, query, { sort: { at: -1, _id: 1 }, skip: offset, limit });
    return docs.map(({ _id, ...entry }) => entry);
  }
}
