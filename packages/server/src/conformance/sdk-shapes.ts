import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One declared property of an SDK interface. */
interface Field {
  name: string;
  optional: boolean;
  type: string;
}

let cache: Map<string, Field[]> | undefined;

/**
 * Reads every `export interface X { … }` of the installed `stytch` package's `.d.ts` files. B2B
 * declarations win over same-named B2C ones, because the B2B client is the one we serve.
 */
function interfaces(): Map<string, Field[]> {
  if (cache !== undefined) return cache;
  // `stytch` exports no `./package.json`; its main is `<root>/dist/index.js`.
  const root = join(dirname(dirname(createRequire(import.meta.url).resolve('stytch'))), 'types', 'lib');
  const found = new Map<string, Field[]>();
  for (const folder of ['b2b', 'shared', 'b2c']) {
    for (const file of readdirSync(join(root, folder)).filter((name) => name.endsWith('.d.ts'))) {
      const text = readFileSync(join(root, folder, file), 'utf8');
      for (const match of text.matchAll(/^export interface (\w+) \{\n([\s\S]*?)^\}/gm)) {
        const [, name, body] = match;
        if (name === undefined || body === undefined || found.has(name)) continue;
        const fields: Field[] = [];
        // Only the interface's own four-space-indented members; JSDoc lines start with `*` or `/`.
        for (const line of body.matchAll(/^ {4}(\w+)(\??): (.+);$/gm)) {
          fields.push({ name: line[1] ?? '', optional: line[2] === '?', type: line[3] ?? '' });
        }
        found.set(name, fields);
      }
    }
  }
  cache = found;
  return found;
}

/** The required property names of an SDK interface (throws when the SDK does not declare it). */
export function requiredFields(interfaceName: string): string[] {
  const fields = interfaces().get(interfaceName);
  if (fields === undefined) throw new Error(`The stytch package declares no interface ${interfaceName}.`);
  return fields.filter((field) => !field.optional).map((field) => field.name);
}

function kindErrors(value: unknown, type: string, path: string, depth: number): string[] {
  if (depth > 6) return [];
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) return [`${path}: expected an array (${type}), got ${JSON.stringify(value)}`];
    const element = type.slice(0, -2);
    return value.flatMap((item, index) => kindErrors(item, element, `${path}[${index}]`, depth + 1));
  }
  if (type === 'string' || type === 'number' || type === 'boolean') {
    return typeof value === type ? [] : [`${path}: expected ${type}, got ${JSON.stringify(value)}`];
  }
  if (type.startsWith('Record<')) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? []
      : [`${path}: expected an object (${type})`];
  }
  if (interfaces().has(type)) return shapeErrors(value, type, path, depth + 1);
  // Unions, literals, `any`, generics: presence is all the TypeScript type can promise here.
  return [];
}

/**
 * Compares a JSON value with an SDK interface: every required property present with the declared kind
 * (string, number, boolean, array, object, nested SDK interface), and optional ones, when present and
 * not null, of the declared kind. Returns human-readable problems; `[]` means conformant.
 * @example expect(shapeErrors(response, 'B2BOrganizationsCreateResponse')).toEqual([]);
 */
export function shapeErrors(value: unknown, interfaceName: string, path = interfaceName, depth = 0): string[] {
  const fields = interfaces().get(interfaceName);
  if (fields === undefined) throw new Error(`The stytch package declares no interface ${interfaceName}.`);
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${path}: expected an object, got ${JSON.stringify(value)}`];
  const record = value as Record<string, unknown>;
  const errors: string[] = [];
  for (const field of fields) {
    const present = record[field.name];
    if (present === undefined) {
      if (!field.optional) errors.push(`${path}.${field.name}: missing (${field.type})`);
      continue;
    }
    if (present === null && field.optional) continue;
    errors.push(...kindErrors(present, field.type, `${path}.${field.name}`, depth));
  }
  return errors;
}
