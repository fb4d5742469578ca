import { ProductNotFoundError } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('products\' problem table', () => {
  it('answers every error products\' domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });

  it('answers the shared ProductNotFoundError its domain throws', () => {
    expect(problems.maps(ProductNotFoundError)).toBe(true);
  });
});
