import { describe, expect, it } from 'vitest';
import { RouteTable, type GatewayRoute } from './routes.js';

const route = (method: GatewayRoute['method'], path: string): GatewayRoute => ({
  method,
  path,
  auth: 'public',
  operationId: `${method}${path}`,
  service: 'products',
  functionName: `fn-${method}${path}`,
});

describe('the route table', () => {
  it('refuses two handlers for the same method and path', () => {
    // Act
    const building = () => new RouteTable([route('get', '/products/{id}'), route('get', '/products/{id}')]);

    // Assess
    expect(building).toThrow('Route GET /products/{id} is declared by more than one handler');
  });

  it('matches method names in any case', () => {
    // Prepare
    const table = new RouteTable([route('get', '/products')]);

    // Act
    const match = table.match('get', '/products');

    // Assess
    expect(match.kind).toBe('found');
  });

  it('does not match a path with a trailing slash, as API Gateway does not', () => {
    // Prepare
    const table = new RouteTable([route('get', '/products')]);

    // Act
    const match = table.match('GET', '/products/');

    // Assess
    expect(match).toEqual({ kind: 'not-found' });
  });

  it('treats a malformed percent-escape in a parameter as no match', () => {
    // Prepare
    const table = new RouteTable([route('get', '/products/{id}')]);

    // Act
    const match = table.match('GET', '/products/%E0%A4%A');

    // Assess
    expect(match).toEqual({ kind: 'not-found' });
  });
});
