/** One entry of a problem+json `errors` list: the field's dotted path and what is wrong with it. */
export interface FieldViolation {
  path: string;
  message: string;
}

export interface PlacedErrors {
  /** Message per form field name, for the errors a field of the form names. */
  byField: Record<string, string>;
  /** Errors no field of the form shows, to show above the form. */
  unplaced: FieldViolation[];
}

/**
 * Places each violation next to the form field it names. A field takes the errors of
 * its own path and of anything under it (`price` shows `price.amount`); `aliases` maps
 * a contract path to a differently named field (`price.amount` → `priceText`).
 */
export function placeFieldErrors(
  violations: readonly FieldViolation[],
  fields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): PlacedErrors {
  const byField: Record<string, string> = {};
  const unplaced: FieldViolation[] = [];
  for (const violation of violations) {
    const field = fieldFor(violation.path, fields, aliases);
    if (field === undefined) unplaced.push(violation);
    else byField[field] = byField[field] ? `${byField[field]}; ${violation.message}` : violation.message;
  }
  return { byField, unplaced };
}

function fieldFor(path: string, fields: readonly string[], aliases: Readonly<Record<string, string>>): string | undefined {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const prefix = segments.slice(0, length).join('.');
    const alias = aliases[prefix];
    if (alias !== undefined) return alias;
    if (fields.includes(prefix)) return prefix;
  }
  return undefined;
}
