import { describe, expect, it } from 'vitest';
import * as errors from './domain/errors.js';
import { problems } from './problems.js';

describe('users\' problem table', () => {
  it('answers every error users\' domain defines', () => {
    expect(problems.unmappedIn(errors)).toEqual([]);
  });
});
