import { foldProjection } from './fold';
import { createOpenTicketsProjection, type OpenTicketDocument } from './overdue.projection';
import { ticketDispatched, ticketResolved } from './testing/events';
import { recorder } from './testing/recorded';

const overdue = createOpenTicketsProjection();
const overdueAsOf = (documents: Map<string, OpenTicketDocument>, asOf: string) =>
  [...documents.values()].filter((doc) => String(doc.resolveBy) < asOf).map((doc) => doc.ticketId);

describe('overdue (open tickets) projection', () => {
  it('keeps a dispatched ticket open until it is resolved', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(ticketDispatched({ complaintId: 'C-1' }))]);

    expect(documents.get('T-1')).toEqual({
      _id: 'T-1',
      _position: 1,
      ticketId: 'T-1',
      assigneeId: 'E-2',
      department: 'engineering',
      kind: 'repair',
      complaintId: 'C-1',
      dispatchedAt: '2026-03-10T02:00:00.000Z',
      resolveBy: '2026-03-10T02:20:00.000Z',
    });
  });

  it('lists a ticket as overdue once its deadline has passed', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(ticketDispatched({ ticketId: 'T-1' })), recorded(ticketDispatched({ ticketId: 'T-2', resolveBy: '2026-03-11T02:00:00.000Z' }))]);

    expect(overdueAsOf(documents, '2026-03-10T02:19:59.999Z')).toEqual([]);
    expect(overdueAsOf(documents, '2026-03-10T03:00:00.000Z')).toEqual(['T-1']);
  });

  it('drops a resolved ticket from the overdue list', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [
      recorded(ticketDispatched({ ticketId: 'T-1' })),
      recorded(ticketDispatched({ ticketId: 'T-2' })),
      recorded(ticketResolved({ ticketId: 'T-1', late: true })),
    ]);

    expect(overdueAsOf(documents, '2026-03-12T00:00:00.000Z')).toEqual(['T-2']);
    expect(documents.has('T-1')).toBe(false);
  });

  it('stores deadlines in UTC so that string order is time order', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(ticketDispatched({ dispatchedAt: '2026-03-10T10:00:00+08:00', resolveBy: '2026-03-10T10:15:00+08:00' }))]);

    expect(documents.get('T-1')).toMatchObject({ dispatchedAt: '2026-03-10T02:00:00.000Z', resolveBy: '2026-03-10T02:15:00.000Z' });
  });

  it('ends with the same open tickets when the same events are projected again', () => {
    const recorded = recorder();
    const events = [recorded(ticketDispatched({ ticketId: 'T-1' })), recorded(ticketDispatched({ ticketId: 'T-2' })), recorded(ticketResolved({ ticketId: 'T-1' }))];
    const documents = foldProjection(overdue, events);
    const once = structuredClone([...documents.entries()]);

    expect([...foldProjection(overdue, events, documents).entries()]).toEqual(once);
  });

  it('declares the indexes its queries use', () => {
    expect(overdue.indexes).toEqual(
      expect.arrayContaining([{ fields: ['resolveBy'] }, { fields: ['department', 'resolveBy'] }, { fields: ['assigneeId', 'resolveBy'] }]),
    );
  });
});
