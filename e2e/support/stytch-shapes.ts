import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * Compares JSON answers with the response types `@stytch/vanilla-js` declares, as
 * packages/server/src/conformance/sdk-shapes.ts does for the Node SDK. The browser SDK declares
 * them as generic aliases, intersections and unions over bundled chunks (no plain interfaces to
 * read with a regular expression), so the TypeScript compiler resolves them: a probe file names
 * each type with its default type arguments, and the checker walks the resolved type.
 */

const PROBE = resolve(dirname(fileURLToPath(import.meta.url)), '__stytch_types_probe__.ts');

let loaded: { checker: ts.TypeChecker; types: Map<string, ts.Type> } | undefined;

function load(names: readonly string[]) {
  if (loaded && names.every((name) => loaded!.types.has(name))) return loaded;
  const source = `import type * as S from '@stytch/vanilla-js/b2b/headless';\nexport interface Probe {\n${names.map((n) => `  ${n}: S.${n};`).join('\n')}\n}\n`;
  const options: ts.CompilerOptions = {
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (file) => file === PROBE || fileExists(file);
  host.readFile = (file) => (file === PROBE ? source : readFile(file));
  host.getSourceFile = (file, language, ...rest) =>
    file === PROBE ? ts.createSourceFile(file, source, language) : getSourceFile(file, language, ...rest);
  const program = ts.createProgram([PROBE], options, host);
  const checker = program.getTypeChecker();
  const probe = program.getSourceFile(PROBE);
  const declaration = probe?.statements.find(ts.isInterfaceDeclaration);
  if (!declaration) throw new Error('The Stytch types probe did not compile.');
  const types = new Map<string, ts.Type>();
  for (const member of checker.getTypeAtLocation(declaration).getProperties()) {
    const type = checker.getTypeOfSymbol(member);
    if (type.flags & ts.TypeFlags.Any)
      throw new Error(`@stytch/vanilla-js/b2b/headless exports no type ${member.name}.`);
    types.set(member.name, type);
  }
  loaded = { checker, types };
  return loaded;
}

function check(checker: ts.TypeChecker, value: unknown, type: ts.Type, path: string, depth: number): string[] {
  const F = ts.TypeFlags;
  if (depth > 10 || type.flags & (F.Any | F.Unknown | F.TypeParameter)) return [];
  const expected = () => `${path}: expected ${checker.typeToString(type)}, got ${JSON.stringify(value)?.slice(0, 80)}`;
  if (type.isUnion()) {
    const outcomes = type.types.map((member) => check(checker, value, member, path, depth));
    if (outcomes.some((problems) => problems.length === 0)) return [];
    // The closest member explains best (for discriminated unions, the one whose tag matched).
    return outcomes.reduce((best, problems) => (problems.length < best.length ? problems : best));
  }
  if (type.flags & F.Null) return value === null ? [] : [expected()];
  if (type.flags & (F.Undefined | F.Void)) return value === undefined ? [] : [expected()];
  if (type.isStringLiteral() || type.isNumberLiteral()) return value === type.value ? [] : [expected()];
  if (type.flags & F.BooleanLiteral) return value === (checker.typeToString(type) === 'true') ? [] : [expected()];
  if (type.flags & F.StringLike) return typeof value === 'string' ? [] : [expected()];
  if (type.flags & F.NumberLike) return typeof value === 'number' ? [] : [expected()];
  if (type.flags & F.BooleanLike) return typeof value === 'boolean' ? [] : [expected()];
  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    if (!Array.isArray(value)) return [expected()];
    const element = checker.getTypeArguments(type as ts.TypeReference)[0];
    return element ? value.flatMap((item, i) => check(checker, item, element, `${path}[${i}]`, depth + 1)) : [];
  }
  if (!(type.flags & (F.Object | F.Intersection))) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [expected()];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const propertyType = checker.getTypeOfSymbol(property);
    if (propertyType.getCallSignatures().length > 0) continue;
    const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
    const present = record[property.name];
    if (present === undefined) {
      if (
        !optional &&
        !(propertyType.flags & F.Undefined) &&
        !(propertyType.isUnion() && propertyType.types.some((t) => t.flags & F.Undefined))
      ) {
        problems.push(`${path}.${property.name}: missing (${checker.typeToString(propertyType)})`);
      }
      continue;
    }
    // As in the Node SDK suite: an optional field may be null.
    if (present === null && optional) continue;
    problems.push(...check(checker, present, propertyType, `${path}.${property.name}`, depth + 1));
  }
  return problems;
}

/** Names of response types this module can check, as `@stytch/vanilla-js/b2b/headless` exports them. */
export type StytchResponseType =
  | 'B2BMagicLinksEmailDiscoverySendResponse'
  | 'B2BMagicLinksDiscoveryAuthenticateResponse'
  | 'B2BDiscoveryOrganizationsCreateResponse'
  | 'B2BSessionAuthenticateResponse'
  | 'B2BDiscoveryIntermediateSessionsExchangeResponse'
  | 'SessionRevokeResponse';

const ALL: readonly StytchResponseType[] = [
  'B2BMagicLinksEmailDiscoverySendResponse',
  'B2BMagicLinksDiscoveryAuthenticateResponse',
  'B2BDiscoveryOrganizationsCreateResponse',
  'B2BSessionAuthenticateResponse',
  'B2BDiscoveryIntermediateSessionsExchangeResponse',
  'SessionRevokeResponse',
];

/**
 * Problems of `value` against the SDK's declared type `name`: every required field present with the
 * declared kind, literal or union member; optional fields, when present and not null, too. `[]`
 * means conformant.
 */
export function stytchShapeErrors(value: unknown, name: StytchResponseType, path = 'response'): string[] {
  const { checker, types } = load(ALL);
  return check(checker, value, types.get(name)!, path, 0);
}

/** The installed `@stytch/vanilla-js` version (the SDK under test). */
export function stytchSdkVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@stytch/vanilla-js/b2b/headless');
  return (createRequire(entry)('../../../package.json') as { version: string }).version;
}
