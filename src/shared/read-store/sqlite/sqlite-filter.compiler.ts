/**
 * Compiles the port's filter and sort subset to SQL over `json_extract(doc, '$."path"')`.
 *
 * Values are always bound parameters. Field paths are never bound (an expression index only
 * helps when the query repeats the indexed expression literally), so they are validated by
 * filter-validation.ts (letters, digits, `_`, `-`) and then quoted here.
 *
 * MongoDB semantics kept for the supported subset:
 * - equality with null (and `$in` containing null) matches null and missing fields; `$ne: null`
 *   matches fields that are present and not null;
 * - comparisons only match values of the same type (a number never equals or exceeds a string,
 *   and `true` is not `1`), which is why every comparison also checks `json_type`;
 * - `$ne` and sorting treat missing fields like null; sort order is
 *   null/missing < numbers < strings < objects < arrays < booleans.
 * Not kept: MongoDB's matching of a scalar against the elements of an array field.
 */
import { FieldType, Filter, FieldOperators, FindOptions, Scalar } from '../read-store.port';
import { AllowedOperator, isScalar } from '../filter-validation';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

type RangeOperator = '$lt' | '$lte' | '$gt' | '$gte';
const RANGE_SQL: Record<RangeOperator, string> = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' };

/** `a.b` → `'$."a"."b"'`, an SQL string literal; segments were validated to hold no quotes. */
export function jsonPathLiteral(field: string): string {
  return `'$.${field.split('.').map((segment) => `"${segment}"`).join('.')}'`;
}

/**
 * Fields a collection keeps in typed columns of their own (see IndexSpec.types): a value of the
 * column's type is compared on the column, with no type guard and no parsing of the document.
 */
export type TypedColumns = ReadonlyMap<string, FieldType>;

const NO_COLUMNS: TypedColumns = new Map();

/** The column of a typed field: its path, quoted (validated paths hold no quotes). */
export function columnName(field: string): string {
  return `"c_${field}"`;
}

function typeOf(value: Exclude<Scalar, null>): FieldType {
  return typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
}

/** The column to compare a value on, when the field has one of the value's type (the id always does). */
function columnFor(field: string, value: Scalar, columns: TypedColumns): string | undefined {
  if (field === '_id') return typeof value === 'string' || value === null ? 'id' : undefined;
  const type = columns.get(field);
  if (type === undefined) return undefined;
  return value === null || typeOf(value) === type ? columnName(field) : undefined;
}

/** The expression both queries and expression indexes use for a field. */
export function fieldExpression(field: string): string {
  return `json_extract(doc, ${jsonPathLiteral(field)})`;
}

function typeExpression(field: string): string {
  return `json_type(doc, ${jsonPathLiteral(field)})`;
}

function typeCondition(field: string, value: Exclude<Scalar, null>): string {
  if (typeof value === 'string') return `${typeExpression(field)} = 'text'`;
  if (typeof value === 'number') return `${typeExpression(field)} IN ('integer', 'real')`;
  return `${typeExpression(field)} IN ('true', 'false')`;
}

function bindable(value: Exclude<Scalar, null>): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

function equals(field: string, value: Scalar, columns: TypedColumns = NO_COLUMNS): SqlFragment {
  const column = columnFor(field, value, columns);
  if (column) return value === null ? { sql: `${column} IS NULL`, params: [] } : { sql: `${column} = ?`, params: [bindable(value)] };
  if (value === null) return { sql: `${fieldExpression(field)} IS NULL`, params: [] };
  return {
    sql: `(${fieldExpression(field)} = ? AND ${typeCondition(field, value)})`,
    params: [bindable(value)],
  };
}

function notEquals(field: string, value: Scalar, columns: TypedColumns): SqlFragment {
  const equality = equals(field, value, columns);
  // `IS NOT 1` rather than `NOT`: a missing field makes the equality NULL, and MongoDB's `$ne`
  // matches documents without the field.
  return { sql: `(${equality.sql}) IS NOT 1`, params: equality.params };
}

function range(field: string, operator: RangeOperator, value: Scalar, columns: TypedColumns): SqlFragment {
  if (value === null) {
    // Only null (and missing) sorts at null's place: `$lte`/`$gte` null mean "is null".
    return operator === '$lte' || operator === '$gte' ? equals(field, null, columns) : { sql: '0', params: [] };
  }
  const column = columnFor(field, value, columns);
  if (column) return { sql: `${column} ${RANGE_SQL[operator]} ?`, params: [bindable(value)] };
  return {
    sql: `(${fieldExpression(field)} ${RANGE_SQL[operator]} ? AND ${typeCondition(field, value)})`,
    params: [bindable(value)],
  };
}

function oneOf(field: string, values: Scalar[], columns: TypedColumns): SqlFragment {
  if (values.length === 0) return { sql: '0', params: [] };
  return join(values.map((value) => equals(field, value, columns)), ' OR ');
}

function join(fragments: SqlFragment[], separator: string): SqlFragment {
  return {
    sql: `(${fragments.map((fragment) => fragment.sql).join(separator)})`,
    params: fragments.flatMap((fragment) => fragment.params),
  };
}

function operatorCondition(field: string, operator: AllowedOperator, operand: unknown, columns: TypedColumns): SqlFragment {
  switch (operator) {
    case '$eq':
      return equals(field, operand as Scalar, columns);
    case '$ne':
      return notEquals(field, operand as Scalar, columns);
    case '$in':
      return oneOf(field, operand as Scalar[], columns);
    case '$lt':
    case '$lte':
    case '$gt':
    case '$gte':
      return range(field, operator, operand as Scalar, columns);
  }
}

/** A validated filter → a WHERE clause (`1` when empty). */
export function compileFilter(filter: Filter = {}, columns: TypedColumns = NO_COLUMNS): SqlFragment {
  const conditions: SqlFragment[] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (isScalar(condition)) {
      conditions.push(equals(field, condition, columns));
      continue;
    }
    for (const [operator, operand] of Object.entries(condition as FieldOperators)) {
      conditions.push(operatorCondition(field, operator as AllowedOperator, operand, columns));
    }
  }
  return conditions.length === 0 ? { sql: '1', params: [] } : join(conditions, ' AND ');
}

/**
 * MongoDB's cross-type order, then the value; `id` last so pages are stable. A typed column holds
 * one type (and nulls, which SQLite sorts first as MongoDB does), so it sorts on the column alone,
 * in the order of its index.
 */
export function compileSort(sort: FindOptions['sort'] = {}, columns: TypedColumns = NO_COLUMNS): string {
  const terms = Object.entries(sort).flatMap(([field, direction]) => {
    const order = direction === -1 ? 'DESC' : 'ASC';
    if (field === '_id') return [`id ${order}`];
    if (columns.has(field)) return [`${columnName(field)} ${order}`];
    const typeRank =
      `CASE ${typeExpression(field)} WHEN 'integer' THEN 1 WHEN 'real' THEN 1 WHEN 'text' THEN 2 ` +
      `WHEN 'object' THEN 3 WHEN 'array' THEN 4 WHEN 'false' THEN 5 WHEN 'true' THEN 5 ELSE 0 END`;
    return [`${typeRank} ${order}`, `${fieldExpression(field)} ${order}`];
  });
  return [...terms, 'id ASC'].join(', ');
}
