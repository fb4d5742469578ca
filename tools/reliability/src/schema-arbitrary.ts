import fc from 'fast-check';
import type { JsonSchema } from '@shoplane/testing/contract';

/**
 * fast-check arbitraries from the JSON Schemas in openapi.json, covering the constructs
 * the contract uses: `$ref`, objects (properties, required, additionalProperties),
 * arrays (items, minItems, maxItems), strings (minLength, maxLength, pattern, format),
 * integers and numbers (minimum, maximum), `enum`, `const`, `anyOf`/`oneOf`, `null`.
 *
 * `valid` draws values the schema accepts, leaning on its boundaries (the shortest and
 * longest strings, the least and greatest numbers, the fewest and most items);
 * `invalid` draws values just outside them, or of another type, or an object missing a
 * required field or carrying an unknown one.
 */
export type { JsonSchema } from '@shoplane/testing/contract';

export type SchemaResolver = (ref: string) => JsonSchema;

/** Long strings are drawn up to this length (a 5,000-character limit is tested at its edge, not filled at random). */
const longest = 64;

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? longest;
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => value.length >= minLength && value.length <= maxLength);
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter((value) => value.length >= minLength && value.length <= maxLength);
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] }).filter((value) => value.length <= maxLength);
    default:
      return fc.oneof(
        fc.string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, longest)) }),
        fc.constant('x'.repeat(minLength)),
        fc.constant('y'.repeat(maxLength)),
      ).filter((value) => value.length >= minLength && value.length <= maxLength && (minLength === 0 || value.trim().length > 0));
  }
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (integer ? -1_000_000 : -1e9);
  const max = schema.maximum ?? (integer ? 1_000_000 : 1e9);
  const inside = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true });
  return fc.oneof(inside, fc.constantFrom(min, max));
}

/** A value of none of these JSON types (any value when none is named). */
function otherTypeThan(types: readonly string[]): fc.Arbitrary<unknown> {
  const pools: Record<string, fc.Arbitrary<unknown>> = {
    null: fc.constant(null),
    boolean: fc.boolean(),
    number: fc.oneof(fc.integer(), fc.double({ noNaN: true })),
    string: fc.string({ maxLength: 20 }),
    array: fc.constant([]),
    object: fc.constant({}),
  };
  const excluded = new Set(types.map((type) => (type === 'integer' ? 'number' : type)));
  const left = Object.entries(pools).filter(([type]) => !excluded.has(type)).map(([, pool]) => pool);
  return left.length > 0 ? fc.oneof(...left) : fc.constant(Symbol.for('no JSON value'));
}

function typesOf(schema: JsonSchema): string[] {
  return Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
}

export function validValue(schema: JsonSchema, resolve: SchemaResolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return validValue(resolve(schema.$ref), resolve, depth);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return fc.oneof(...choices.map((choice) => validValue(choice, resolve, depth)));
  const [type, ...others] = typesOf(schema);
  if (others.length > 0) return fc.oneof(...typesOf(schema).map((one) => validValue({ ...schema, type: one }, resolve, depth)));
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 5, depth > 2 ? minLength : minLength + 5);
      return fc.array(validValue(schema.items ?? {}, resolve, depth + 1), { minLength, maxLength });
    }
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property, resolve, depth + 1)]));
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value just outside what the schema accepts (or, where the schema accepts anything, any JSON). */
export function invalidValue(schema: JsonSchema, resolve: SchemaResolver, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) return invalidValue(resolve(schema.$ref), resolve, depth);
  const anyOther = otherTypeThan(typesOf(schema));
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return otherTypeThan(choices.flatMap((choice) => typesOf(choice.$ref ? resolve(choice.$ref) : choice)));
  if (schema.const !== undefined || schema.enum) {
    const members = schema.enum ?? [schema.const];
    return fc.oneof(otherTypeThan([...new Set(members.map((member) => (member === null ? 'null' : typeof member)))]), fc.constant('not-a-member')).filter((value) => !members.includes(value));
  }
  const near: fc.Arbitrary<unknown>[] = [anyOther];
  const [type] = typesOf(schema);
  if (type === 'string') {
    if (schema.minLength) near.push(fc.constant('a'.repeat(schema.minLength - 1)));
    if (schema.maxLength !== undefined) near.push(fc.constant('b'.repeat(schema.maxLength + 1)));
    if (schema.pattern || schema.format) near.push(fc.constantFrom('', ' ', 'prd_', '../etc/passwd', 'ñ'.repeat(3), '\u0000', '%00', '<script>'));
  }
  if (type === 'integer' || type === 'number') {
    if (schema.minimum !== undefined) near.push(fc.constant(schema.minimum - 1));
    if (schema.maximum !== undefined) near.push(fc.constant(schema.maximum + 1));
    near.push(fc.constantFrom(1.5, -0.5, Number.MAX_SAFE_INTEGER + 2, '12', 1e308));
  }
  if (type === 'array') {
    if (schema.minItems) near.push(fc.constant([]));
    if (schema.maxItems !== undefined && depth < 2) near.push(fc.array(validValue(schema.items ?? {}, resolve, depth + 1), { minLength: schema.maxItems + 1, maxLength: schema.maxItems + 1 }));
    if (schema.items && depth < 3) near.push(fc.array(invalidValue(schema.items, resolve, depth + 1), { minLength: 1, maxLength: 3 }));
  }
  if (type === 'object' && depth < 3) {
    const valid = validValue(schema, resolve, depth) as fc.Arbitrary<Record<string, unknown>>;
    const required = schema.required ?? [];
    if (required.length > 0) near.push(fc.tuple(valid, fc.constantFrom(...required)).map(([value, dropped]) => Object.fromEntries(Object.entries(value).filter(([name]) => name !== dropped))));
    if (schema.additionalProperties === false) near.push(valid.map((value) => ({ ...value, colour: 'red' })));
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      near.push(fc.tuple(valid, invalidValue(property, resolve, depth + 1)).map(([value, wrong]) => ({ ...value, [name]: wrong })));
    }
  }
  return fc.oneof(...near);
}

/** Mostly values the schema accepts (they reach the service's rules), otherwise values just outside it. */
export function boundaryValue(schema: JsonSchema, resolve: SchemaResolver): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: validValue(schema, resolve), weight: 3 }, { arbitrary: invalidValue(schema, resolve), weight: 2 });
}
