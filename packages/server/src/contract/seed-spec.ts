import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** One operation of the seed OpenAPI document. */
export interface SeedOperation {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path under `/v1/b2b`, OpenAPI style (`/organizations/{organization_id}`). */
  path: string;
  /** Documented response statuses (`'200'`, `'404'`, …). */
  statuses: string[];
  /** The request-body schema, when the seed documents one. */
  requestSchema: unknown;
  /** Response schema per documented status (absent when the seed gives only a description). */
  responseSchemas: Record<string, unknown>;
}

// biome-ignore lint/suspicious/noExplicitAny: walks arbitrary JSON Schema documents.
type Json = Record<string, any>;

const COMPONENTS_ID = 'https://orgauth.dev/seed-openapi/components';

// `#/components/schemas/X` → an absolute ref into the registered components schema.
function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    out[key] =
      key === '$ref' && typeof value === 'string'
        ? value.replace('#/components/schemas/', `${COMPONENTS_ID}#/$defs/`)
        : rewriteRefs(value);
  }
  return out;
}

/** The seed document parsed into operations plus an Ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses). */
export interface SeedSpec {
  operations: SeedOperation[];
  /** A compiled validator for `schema` (refs resolved against the seed's components). */
  validator(schema: unknown): ValidateFunction;
}

/** Loads the seed OpenAPI document, `packages/server/src/contract/seed-openapi.yml` (beside this file). */
export function loadSeedSpec(file = new URL('./seed-openapi.yml', import.meta.url)): SeedSpec {
  const doc = parse(readFileSync(file, 'utf8')) as Json;
  // Strict mode on: a schema keyword Ajv does not know is an error in the test, not a silent pass.
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: COMPONENTS_ID, $defs: rewriteRefs(doc.components.schemas) });
  const operations: SeedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const responseSchemas: Record<string, unknown> = {};
      for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
        const schema = response?.content?.['application/json']?.schema;
        if (schema !== undefined) responseSchemas[status] = rewriteRefs(schema);
      }
      operations.push({
        operationId: op.operationId,
        method: method.toUpperCase() as SeedOperation['method'],
        path,
        statuses: Object.keys(op.responses ?? {}),
        requestSchema: rewriteRefs(op.requestBody?.content?.['application/json']?.schema),
        responseSchemas,
      });
    }
  }
  const cache = new Map<string, ValidateFunction>();
  return {
    operations,
    validator(schema) {
      const key = JSON.stringify(schema);
      let fn = cache.get(key);
      if (fn === undefined) {
        fn = ajv.compile(schema as object);
        cache.set(key, fn);
      }
      return fn;
    },
  };
}
