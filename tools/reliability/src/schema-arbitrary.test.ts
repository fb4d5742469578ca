import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidValue, validValue, type JsonSchema } from './schema-arbitrary.js';

const money: JsonSchema = {
  type: 'object',
  properties: { amount: { type: 'integer', minimum: 0, maximum: 1_000_000 }, currency: { type: 'string', enum: ['USD', 'EUR'] } },
  required: ['amount', 'currency'],
  additionalProperties: false,
};
const order: JsonSchema = {
  type: 'object',
  properties: {
    items: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'object', properties: { productId: { type: 'string', pattern: '^prd_[0-9A-HJKMNP-TV-Z]{26}$' }, quantity: { type: 'integer', minimum: 1, maximum: 99 } }, required: ['productId', 'quantity'], additionalProperties: false } },
    price: { $ref: '#/components/schemas/Money' },
    note: { anyOf: [{ type: 'string', maxLength: 10 }, { type: 'null' }] },
    email: { type: 'string', format: 'email', maxLength: 254 },
  },
  required: ['items', 'price'],
  additionalProperties: false,
};
const resolve = (ref: string): JsonSchema => {
  if (ref !== '#/components/schemas/Money') throw new Error(`unknown ${ref}`);
  return money;
};
const ajv = new Ajv2020({ strict: false });
addFormats.default(ajv);
const accepts = ajv.compile({ ...order, properties: { ...order.properties, price: money } });

describe('arbitraries from JSON Schemas', () => {
  it('draw only values the schema accepts', () => {
    fc.assert(fc.property(validValue(order, resolve), (value) => {
      expect(accepts(value), JSON.stringify(accepts.errors)).toBe(true);
    }));
  });

  it('draw only values the schema refuses when asked for invalid ones', () => {
    fc.assert(fc.property(invalidValue(order, resolve), (value) => {
      expect(accepts(value)).toBe(false);
    }));
  });

  it('reach the boundaries: the least and the greatest number are drawn', () => {
    // Act
    const drawn = fc.sample(validValue({ type: 'integer', minimum: 1, maximum: 99 }, resolve), 300);

    // Assess
    expect(drawn).toEqual(expect.arrayContaining([1, 99]));
  });
});
