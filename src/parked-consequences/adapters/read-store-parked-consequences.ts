import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { READ_STORE } from '../../shared/read-store/read-store.port';
import type { Filter, ReadStore } from '../../shared/read-store/read-store.port';
import type { ParkedConsequence } from '../domain/parked-consequence';
import type { ParkedConsequences } from '../ports/parked-consequences.port';

const COLLECTION = 'parked-consequences';

/** Parked consequences in the read store, written in the same change set as the saga checkpoint. */
@Injectable()
export class ReadStoreParkedConsequences implements ParkedConsequences, OnModuleInit {
  constructor(@Inject(READ_STORE) private readonly readStore: ReadStore) {}

  async onModuleInit(): Promise<void> {
    await this.readStore.ensureIndex(COLLECTION, { fields: ['status', 'cause.position'] });
  }

  parkAndAdvance(parked: ParkedConsequence[], checkpoint: { name: string; position: number }): Promise<void> {
    return this.readStore.apply({ upserts: parked.map((doc) => ({ collection: COLLECTION, doc })), deletes: [], checkpoint });
  }

  get(id: string): Promise<ParkedConsequence | null> {
    return this.readStore.get<ParkedConsequence>(COLLECTION, id);
  }

  save(consequence: ParkedConsequence): Promise<void> {
    return this.readStore.upsert(COLLECTION, consequence);
  }

  async list(filter: { status?: ParkedConsequence['status'] }, page: { limit: number; offset: number }) {
    const where: Filter = filter.status ? { status: filter.status } : {};
    const [items, total] = await Promise.all([
      this.readStore.find<ParkedConsequence>(COLLECTION, where, { sort: { 'cause.position': 1, _id: 1 }, skip: page.offset, limit: page.limit }),
      this.readStore.count(COLLECTION, where),
    ]);
    return { items, total };
  }

  countParked(): Promise<number> {
    return this.readStore.count(COLLECTION, { status: 'parked' });
  }
}
