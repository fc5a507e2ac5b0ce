import type { FindOptions, Filter, ReadStore } from '../read-store/read-store.port';
import type { ProjectedDocument } from './projection';

/** The documents of one read model, typed: what a query reads, from the collection currently served. */
export class ReadModel<Doc extends ProjectedDocument> {
  constructor(
    private readonly store: ReadStore,
    readonly collection: string,
  ) {}

  get(id: string): Promise<Doc | null> {
    return this.store.get<Doc>(this.collection, id);
  }

  find(filter?: Filter, options?: FindOptions): Promise<Doc[]> {
    return this.store.find<Doc>(this.collection, filter, options);
  }

  count(filter?: Filter): Promise<number> {
    return this.store.count(this.collection, filter);
  }

  /** One page of the documents a filter selects, in the given order, with how many it selects in all. */
  async page(filter: Filter, sort: Record<string, 1 | -1>, { limit = 100, offset = 0 }: { limit?: number; offset?: number }): Promise<{ items: Doc[]; total: number; limit: number; offset: number }> {
    const [items, total] = await Promise.all([this.find(filter, { sort, skip: offset, limit }), this.count(filter)]);
    return { items, total, limit, offset };
  }
}
