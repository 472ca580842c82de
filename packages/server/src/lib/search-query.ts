import { apiError } from './api-error.js';

/** One parsed search operand: a filter name and its validated value. */
export interface SearchOperand {
  filterName: string;
  /** `string[]` for list filters, `string` for fuzzy ones, `boolean` for flags. */
  value: string[] | string | boolean;
}

/** A parsed `query` of a search body. */
export interface SearchQuery {
  operator: 'AND' | 'OR';
  operands: SearchOperand[];
}

/** What each filter accepts: a list of strings, one fuzzy string, or a boolean flag. */
export type FilterKinds = Record<string, 'list' | 'fuzzy' | 'boolean'>;

const invalid = (message: string) => apiError('invalid_search_query', message);

/**
 * Validates Stytch's search `query` (`{operator, operands[{filter_name, filter_value}]}`) against the
 * filters a search supports. Absent query → match everything.
 * @throws ApiError 400 `invalid_search_query` naming what is wrong.
 */
export function parseSearchQuery(raw: unknown, kinds: FilterKinds): SearchQuery {
  if (raw === undefined || raw === null) return { operator: 'AND', operands: [] };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('query must be an object.');
  const { operator, operands } = raw as Record<string, unknown>;
  if (operator !== 'AND' && operator !== 'OR') throw invalid('query.operator must be "AND" or "OR".');
  if (operands === undefined || operands === null) return { operator, operands: [] };
  if (!Array.isArray(operands) || operands.length > 50)
    throw invalid('query.operands must be an array of at most 50 operands.');
  return { operator, operands: operands.map((operand: unknown) => parseOperand(operand, kinds)) };
}

function parseOperand(operand: unknown, kinds: FilterKinds): SearchOperand {
  if (typeof operand !== 'object' || operand === null || Array.isArray(operand))
    throw invalid('Each operand must be an object.');
  const { filter_name: name, filter_value: value } = operand as Record<string, unknown>;
  if (typeof name !== 'string' || !Object.hasOwn(kinds, name)) {
    throw invalid(`filter_name must be one of ${Object.keys(kinds).join(', ')}.`);
  }
  if (kinds[name] === 'boolean') {
    if (typeof value !== 'boolean') throw invalid(`${name} needs true or false.`);
    return { filterName: name, value };
  }
  if (kinds[name] === 'fuzzy') {
    if (typeof value !== 'string' || value.trim() === '' || value.length > 256)
      throw invalid(`${name} needs a string of 1 to 256 characters.`);
    return { filterName: name, value: value.trim() };
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > 1000)
    throw invalid(`${name} needs an array of 1 to 1000 strings.`);
  for (const item of value) {
    if (typeof item !== 'string' || item === '' || item.length > 256)
      throw invalid(`${name} must contain non-empty strings of at most 256 characters.`);
  }
  return { filterName: name, value: [...new Set(value as string[])] };
}
