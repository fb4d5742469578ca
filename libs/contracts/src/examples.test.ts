import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

/*
 * Every example the published openapi/openapi.json carries (schema `examples`, parameter and
 * media-type `example`/`examples`) must satisfy the schema it illustrates: the reference shows
 * them, and clients copy them. OpenAPI 3.1 schemas are JSON Schema 2020-12.
 */
const documentId = 'https://shoplane.local/openapi.json';
const document = JSON.parse(readFileSync(new URL('../../../openapi/openapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;

interface Example {
  /** JSON pointer of the example in openapi.json. */
  pointer: string;
  /** JSON pointer of the schema it must satisfy. */
  schemaPointer: string;
  value: unknown;
}

const escape = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A parameter's or media type's `example` and each `examples.<name>.value`, checked against its `schema`. */
function examplesBeside(node: Record<string, unknown>, pointer: string): Example[] {
  if (!isObject(node['schema'])) return [];
  const schemaPointer = `${pointer}/schema`;
  const found: Example[] = [];
  if ('example' in node) found.push({ pointer: `${pointer}/example`, schemaPointer, value: node['example'] });
  if (isObject(node['examples'])) {
    for (const [name, example] of Object.entries(node['examples'])) {
      if (isObject(example) && 'value' in example) found.push({ pointer: `${pointer}/examples/${escape(name)}/value`, schemaPointer, value: example['value'] });
    }
  }
  return found;
}

/** `names`: the node maps names to schemas (`properties`, `components.schemas`), so its keys are not keywords. */
function collectExamples(node: unknown, pointer: string, inSchema: boolean, names = false): Example[] {
  if (Array.isArray(node)) return node.flatMap((item, index) => collectExamples(item, `${pointer}/${index}`, inSchema));
  if (!isObject(node)) return [];
  if (names) return Object.entries(node).flatMap(([name, child]) => collectExamples(child, `${pointer}/${escape(name)}`, true));
  const found: Example[] = inSchema
    ? Array.isArray(node['examples'])
      ? node['examples'].map((value, index) => ({ pointer: `${pointer}/examples/${index}`, schemaPointer: pointer, value }))
      : []
    : examplesBeside(node, pointer);
  if (inSchema && 'example' in node) found.push({ pointer: `${pointer}/example`, schemaPointer: pointer, value: node['example'] });
  for (const [key, child] of Object.entries(node)) {
    if (key === 'examples' || key === 'example') continue;
    // Below `schema` (and every component schema) the rest is JSON Schema.
    const childPointer = `${pointer}/${escape(key)}`;
    const childNames = (inSchema && key === 'properties') || childPointer === '/components/schemas';
    collectExamples(child, childPointer, inSchema || key === 'schema', childNames).forEach((example) => found.push(example));
  }
  return found;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: documentId });

const examples = collectExamples(document, '', false);

describe('the examples in openapi/openapi.json', () => {
  it('are found in schemas, parameters and bodies', () => {
    expect(examples.length).toBeGreaterThan(50);
    expect(examples.some((example) => example.pointer.startsWith('/components/schemas/Money/'))).toBe(true);
    expect(examples.some((example) => example.pointer.includes('/parameters/'))).toBe(true);
  });

  it('each satisfy the schema they illustrate', () => {
    const invalid = examples.flatMap(({ pointer, schemaPointer, value }) => {
      const validate = ajv.compile({ $ref: `${documentId}#${schemaPointer}` });
      return validate(value) ? [] : [`${pointer}: ${ajv.errorsText(validate.errors)}`];
    });

    expect(invalid).toEqual([]);
  });
});
