import { describe, expect, it } from 'vitest';
import { contractViolations } from './contract.js';

const problem = { type: 'https://shoplane.dev/problems/unauthorized', title: 'Unauthorized', status: 401 };

describe('checking answers against openapi.json', () => {
  it('accepts an answer that matches the documented schema', () => {
    expect(contractViolations({ operationId: 'loginUser', status: 401, contentType: 'application/problem+json', body: problem })).toEqual([]);
  });

  it('reports a body that breaks the schema', () => {
    const violations = contractViolations({ operationId: 'loginUser', status: 200, contentType: 'application/json', body: { userId: 'usr_x', expiresIn: '3600' } });

    expect(violations.join('\n')).toMatch(/token/);
  });

  it('reports a status the operation does not document', () => {
    expect(contractViolations({ operationId: 'getCurrentUser', status: 418, contentType: 'application/json', body: {} })).toEqual([
      'getCurrentUser answered 418, which openapi.json does not document',
    ]);
  });

  it('reports a problem served with the wrong content type', () => {
    expect(contractViolations({ operationId: 'loginUser', status: 401, contentType: 'application/json', body: problem })[0]).toMatch(/application\/json/);
  });
});
