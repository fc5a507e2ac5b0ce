import { StreamHeads } from './stream-heads';

describe('the stream heads an EventStoreDB adapter remembers', () => {
  const link = (n: number) => Buffer.alloc(32, n);

  it('answers a link only for the exact revision it was written at', () => {
    const heads = new StreamHeads();
    heads.remember('ticket-T-1', 3, link(1));
    expect(heads.at('ticket-T-1', 3)).toEqual(link(1));
    expect(heads.at('ticket-T-1', 4)).toBeUndefined();
    expect(heads.at('ticket-T-2', 3)).toBeUndefined();
  });

  it('keeps the 10,000 streams written last, forgetting the one written longest ago', () => {
    const heads = new StreamHeads();
    for (let i = 0; i < 10_000; i++) heads.remember(`s-${i}`, 0, link(1));
    heads.remember('s-0', 1, link(2)); // written again: now the newest
    heads.remember('s-new', 0, link(3));
    expect(heads.at('s-0', 1)).toEqual(link(2));
    expect(heads.at('s-1', 0)).toBeUndefined();
    expect(heads.at('s-2', 0)).toEqual(link(1));
    expect(heads.at('s-new', 0)).toEqual(link(3));
  });
});
