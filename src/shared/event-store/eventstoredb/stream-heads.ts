/** At most this many streams' heads are remembered (the oldest written is forgotten first). */
const REMEMBERED_STREAMS = 10_000;

/**
 * The link of the newest event this instance appended to each stream, by revision. A link never
 * changes once stored, so an entry stays true even after other instances append: it is asked only
 * for the exact revision it names.
 */
export class StreamHeads {
  private readonly heads = new Map<string, { revision: number; link: Buffer }>();

  at(streamName: string, revision: number): Buffer | undefined {
    const head = this.heads.get(streamName);
    return head?.revision === revision ? head.link : undefined;
  }

  remember(streamName: string, revision: number, link: Buffer): void {
    this.heads.delete(streamName);
    this.heads.set(streamName, { revision, link });
    if (this.heads.size > REMEMBERED_STREAMS) this.heads.delete(this.heads.keys().next().value!);
  }
}
