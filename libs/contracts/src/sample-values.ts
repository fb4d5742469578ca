/**
 * A value that satisfies a JSON Schema of the generated document, for the code samples:
 * the schema's own example where it has one, else the smallest value its keywords allow.
 * Request samples give objects their required properties only (what a call needs);
 * response examples give every property (what a client gets).
 */
export type JsonSchema = { [keyword: string]: unknown };

export type SchemaLookup = (reference: string) => JsonSchema | undefined;

export type PropertiesShown = 'required' | 'all';

const formatSamples: Record<string, string> = {
  email: 'ada@example.com',
  'date-time': '2026-11-25T14:38:00.000Z',
  date: '2026-11-25',
  uri: 'https://example.com/',
};

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringSample(schema: JsonSchema): string {
  const format = typeof schema['format'] === 'string' ? formatSamples[schema['format']] : undefined;
  if (format) return format;
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  return 'example'.padEnd(minLength, '-');
}

export function sampleValue(schema: JsonSchema, lookup: SchemaLookup, shown: PropertiesShown = 'required', depth = 0): unknown {
  if (depth > 12) throw new Error('sampleValue: schema nests too deeply (a recursive $ref?)');
  const reference = schema['$ref'];
  if (typeof reference === 'string') {
    const target = lookup(reference);
    if (!target) throw new Error(`sampleValue: unresolved ${reference}`);
    return sampleValue(target, lookup, shown, depth + 1);
  }
  const examples = schema['examples'];
  if (Array.isArray(examples) && examples.length > 0) return examples[0];
  if ('const' in schema) return schema['const'];
  const choices = schema['enum'];
  if (Array.isArray(choices) && choices.length > 0) return choices[0];
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const options = schema[keyword];
    if (Array.isArray(options)) {
      const option = options.find((candidate) => isSchema(candidate) && candidate['type'] !== 'null');
      if (isSchema(option)) return sampleValue(option, lookup, shown, depth + 1);
    }
  }
  switch (schema['type']) {
    case 'object': {
      const properties = isSchema(schema['properties']) ? schema['properties'] : {};
      const required = Array.isArray(schema['required']) ? schema['required'].filter((name): name is string => typeof name === 'string') : [];
      // A body of optional fields only (a patch) shows its first one: an empty one says nothing.
      const names = shown === 'all' ? Object.keys(properties) : required.length > 0 ? required : Object.keys(properties).slice(0, 1);
      return Object.fromEntries(
        names.map((name) => {
          const property = properties[name];
          return [name, isSchema(property) ? sampleValue(property, lookup, shown, depth + 1) : null];
        }),
      );
    }
    case 'array': {
      const items = schema['items'];
      const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
      return isSchema(items) && (minItems > 0 || shown === 'all') ? [sampleValue(items, lookup, shown, depth + 1)] : [];
    }
    case 'integer':
    case 'number':
      return typeof schema['minimum'] === 'number' ? Math.max(schema['minimum'], 1) : 1;
    case 'boolean':
      return true;
    case 'string':
      return stringSample(schema);
    default:
      return null;
  }
}
