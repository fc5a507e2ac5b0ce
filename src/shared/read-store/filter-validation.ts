/**
 * The one gate every read store adapter puts in front of its query language. Filters and sort
 * specifications often come from query strings, so anything outside the port's small subset is
 * rejected here, before an adapter compiles it to SQL or hands it to MongoDB: `$`-prefixed field
 * names (`$where`, `$expr`, a stray `$ne`), prototype-polluting segments, operators we do not
 * support (`$regex`, `$exists`, ...) and non-scalar values (an object value would otherwise be
 * read by MongoDB as more operators).
 */
import { Document, Filter, FindOptions, IndexSpec, InvalidFilterError, Scalar } from './read-store.port';

export const ALLOWED_OPERATORS = ['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in'] as const;
export type AllowedOperator = (typeof ALLOWED_OPERATORS)[number];

const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
/** Letters, digits, `_` and `-`: safe to quote as a JSON path and as a MongoDB field name. */
const SEGMENT_PATTERN = /^[A-Za-z0-9_-]+$/;
const COLLECTION_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

function reject(field: string, rule: string): never {
  throw new InvalidFilterError(`field "${field}": ${rule}`);
}

export function isScalar(value: unknown): value is Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  return typeof value === 'number' && Number.isFinite(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A dot path of plain segments; `$`, prototype names and array positions are refused. */
export function validateFieldPath(field: string): void {
  if (typeof field !== 'string' || field.length === 0) reject(String(field), 'field names must not be empty');
  for (const segment of field.split('.')) {
    if (segment.startsWith('$')) reject(field, 'field names must not start with "$"');
    if (FORBIDDEN_SEGMENTS.has(segment)) reject(field, `the segment "${segment}" is not allowed`);
    if (!SEGMENT_PATTERN.test(segment)) {
      reject(field, 'each dot-separated segment must be non-empty and use only letters, digits, "_" or "-"');
    }
    if (/^[0-9]+$/.test(segment)) reject(field, 'numeric segments (array positions) are not supported');
  }
}

function validateOperators(field: string, operators: Record<string, unknown>): void {
  const names = Object.keys(operators);
  if (names.length === 0) reject(field, 'an operator object must hold at least one operator');
  for (const operator of names) {
    if (!(ALLOWED_OPERATORS as readonly string[]).includes(operator)) {
      reject(field, `operator "${operator}" is not allowed (allowed: ${ALLOWED_OPERATORS.join(' ')})`);
    }
    const operand = operators[operator];
    if (operator === '$in') {
      if (!Array.isArray(operand)) reject(field, '"$in" takes a list of scalars');
      if (!operand.every(isScalar)) reject(field, '"$in" takes a list of scalars');
    } else if (!isScalar(operand)) {
      reject(field, `operator "${operator}" takes a scalar (string, finite number, boolean or null)`);
    }
  }
}

export function validateFilter(filter: unknown): asserts filter is Filter {
  if (filter === undefined) return;
  if (!isPlainObject(filter)) throw new InvalidFilterError('a filter must be a plain object');
  for (const field of Object.keys(filter)) {
    validateFieldPath(field);
    const condition = filter[field];
    if (isScalar(condition)) continue;
    if (!isPlainObject(condition)) {
      reject(field, 'values must be scalars (string, finite number, boolean or null) or an operator object');
    }
    validateOperators(field, condition);
  }
}

function validateCount(name: 'skip' | 'limit', value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidFilterError(`option "${name}": must be a non-negative integer`);
  }
}

export function validateFindOptions(options: unknown): asserts options is FindOptions {
  if (options === undefined) return;
  if (!isPlainObject(options)) throw new InvalidFilterError('find options must be a plain object');
  for (const key of Object.keys(options)) {
    if (key !== 'sort' && key !== 'skip' && key !== 'limit' && key !== 'fields') {
      throw new InvalidFilterError(`option "${key}": is not supported`);
    }
  }
  if (options.sort !== undefined) {
    if (!isPlainObject(options.sort)) throw new InvalidFilterError('option "sort": must be a plain object');
    for (const [field, direction] of Object.entries(options.sort)) {
      validateFieldPath(field);
      if (direction !== 1 && direction !== -1) reject(field, 'sort direction must be 1 or -1');
    }
  }
  validateCount('skip', options.skip);
  validateCount('limit', options.limit);
  if (options.fields !== undefined) {
    if (!Array.isArray(options.fields) || options.fields.length === 0) throw new InvalidFilterError('option "fields": must be a non-empty list of field names');
    for (const field of options.fields as unknown[]) {
      if (typeof field !== 'string' || field.includes('.')) throw new InvalidFilterError('option "fields": each must be a top-level field name');
      validateFieldPath(field);
    }
  }
}

/** The document with only `_id` and the fields asked for that hold a value. */
export function pickFields<T extends Document>(doc: Document, fields: string[] | undefined): T {
  if (!fields) return doc as T;
  const picked: Document = { _id: doc._id };
  for (const field of fields) if (doc[field] !== undefined && doc[field] !== null) picked[field] = doc[field];
  return picked as T;
}

/** Both at once, as every `find` needs. */
export function validateQuery(filter: unknown, options?: unknown): void {
  validateFilter(filter);
  validateFindOptions(options);
}

export function validateIndexSpec(index: IndexSpec): void {
  if (!Array.isArray(index.fields) || index.fields.length === 0) {
    throw new InvalidFilterError('an index needs at least one field');
  }
  index.fields.forEach(validateFieldPath);
  for (const [field, type] of Object.entries(index.types ?? {})) {
    if (!index.fields.includes(field)) throw new InvalidFilterError(`the index types "${field}", which is not one of its fields`);
    if (!['string', 'number', 'boolean'].includes(type)) throw new InvalidFilterError(`the index types "${field}" as "${String(type)}": use string, number or boolean`);
  }
}

/** Collection names come from code, not users, but end up in SQL identifiers: keep them plain. */
export function validateCollectionName(collection: string): void {
  if (typeof collection !== 'string' || !COLLECTION_PATTERN.test(collection)) {
    throw new Error(
      `invalid read store collection name "${collection}": start with a letter, then letters, digits, "_", "." or "-"`,
    );
  }
}

export function validateDocumentId(collection: string, id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) {
    throw new Error(`a document of "${collection}" needs a non-empty string _id`);
  }
}
