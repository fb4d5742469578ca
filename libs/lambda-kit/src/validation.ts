import type { FieldError } from '@shoplane/contracts';
import type * as z from 'zod/mini';

/** zod/mini ships no messages (that keeps bundles small); these are the API's own. */
const defaultMessage = 'Invalid input';

const unitsOf: Record<string, string> = { string: 'characters', array: 'items', set: 'items', file: 'bytes' };

function bound(word: 'least' | 'most', issue: { origin: string; inclusive?: boolean; exact?: boolean }, limit: number | bigint) {
  const units = unitsOf[issue.origin];
  if (issue.exact) return units ? `must have exactly ${limit} ${units}` : `must be exactly ${limit}`;
  if (units) return `must have at ${word} ${limit} ${units}`;
  const comparison = word === 'least' ? (issue.inclusive === false ? 'greater than' : 'at least') : issue.inclusive === false ? 'less than' : 'at most';
  return `must be ${comparison} ${limit}`;
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.message && issue.message !== defaultMessage) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'int' ? 'an integer' : `of type ${issue.expected}`}`;
    case 'too_small':
      return bound('least', issue, issue.minimum);
    case 'too_big':
      return bound('most', issue, issue.maximum);
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected format' : `must be a valid ${issue.format}`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is not valid';
  }
}

const unknownField = 'is not a known field';

function dotted(prefix: string | undefined, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((part) => part !== undefined && part !== '').join('.') || '(body)';
}

/** One error per unknown field, at the field's own path (`items.0.colour`), so a client can point at each. */
function fieldErrorsOf(issue: z.core.$ZodIssue, prefix: string | undefined): FieldError[] {
  if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: dotted(prefix, [...issue.path, key]), message: unknownField }));
  return [{ path: dotted(prefix, issue.path), message: describe(issue) }];
}

/**
 * Parses input against a schema and returns field errors with dotted paths.
 * Inputs are read to tell "missing" from "wrong" but never copied into messages
 * (an unknown field's name is the client's own key, named so it can be fixed).
 */
export function validateInput<S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  prefix?: string,
): { success: true; data: z.output<S> } | { success: false; errors: FieldError[] } {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, errors: result.error.issues.flatMap((issue) => fieldErrorsOf(issue, prefix)) };
}
