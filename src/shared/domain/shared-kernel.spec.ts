import { DomainError, NotFoundError, assertNever } from './domain-error';
import { eventTypeList, selectedTypes } from './decider';
import { isSameFact } from './same-fact';
import { isSealedText } from './sealed-text';

describe('the same fact', () => {
  it('is the same whatever the order of its fields, and with fields left undefined', () => {
    expect(isSameFact({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true);
    expect(isSameFact({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });

  it('differs by any value, a field more, or the order of a list', () => {
    expect(isSameFact({ a: 1 }, { a: 2 })).toBe(false);
    expect(isSameFact({ a: 1 }, { a: 1, b: null })).toBe(false);
    expect(isSameFact({ panel: ['P-1', 'P-2'] }, { panel: ['P-2', 'P-1'] })).toBe(false);
    expect(isSameFact({ nested: { a: 1 } }, { nested: { a: '1' } })).toBe(false);
  });
});

describe('sealed text', () => {
  it('is an object with the subject and the ciphertext as strings', () => {
    expect(isSealedText({ subjectId: 'C-1', sealed: 'v1:abc' })).toBe(true);
  });

  it.each([
    ['plain text', 'Zhang San'],
    ['null', null],
    ['no subject', { sealed: 'v1:abc' }],
    ['no ciphertext', { subjectId: 'C-1' }],
    ['a ciphertext that is not a string', { subjectId: 'C-1', sealed: 1 }],
    ['a subject that is not a string', { subjectId: 1, sealed: 'v1:abc' }],
  ])('is not %s', (_what, value) => {
    expect(isSealedText(value)).toBe(false);
  });
});

describe('domain errors', () => {
  it('carry a stable code, a message for people and the details (the field it names)', () => {
    const error = new DomainError('points_out_of_range', 'points must be between 0.5 and 100', { path: 'points' });
    expect(error).toMatchObject({ name: 'DomainError', code: 'points_out_of_range', message: 'points must be between 0.5 and 100', details: { path: 'points' } });
    expect(new DomainError('x', 'y').details).toEqual({});
  });

  it('name what was not found', () => {
    expect(new NotFoundError('deduction', 'D-9')).toMatchObject({ name: 'NotFoundError', code: 'not_found', entity: 'deduction', id: 'D-9', message: 'deduction D-9 was not found' });
  });

  it('stop on a case the types said cannot happen, naming it', () => {
    expect(() => assertNever({ type: 'Unknown' } as never)).toThrow('unhandled case: {"type":"Unknown"}');
  });
});

describe('event type lists and selections', () => {
  it('keep the list of an aggregate as written', () => {
    expect(eventTypeList<'A' | 'B'>()(['A', 'B'])).toEqual(['A', 'B']);
  });

  it('give the types a reader handles, in the order named, and none it ignores', () => {
    expect(selectedTypes<'A' | 'B' | 'C'>()({ A: true, B: false, C: true })).toEqual(['A', 'C']);
  });
});
