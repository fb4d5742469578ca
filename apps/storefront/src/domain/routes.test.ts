import { describe, expect, it } from 'vitest';
import { hrefOf, routeOf } from './routes.js';

describe('routeOf', () => {
  it('reads the page and its id from the fragment', () => {
    expect(routeOf('')).toEqual({ page: 'catalogue' });
    expect(routeOf('#/')).toEqual({ page: 'catalogue' });
    expect(routeOf('#/product/prd_01ABC')).toEqual({ page: 'product', productId: 'prd_01ABC' });
    expect(routeOf('#/orders/ord_9?from=checkout')).toEqual({ page: 'order', orderId: 'ord_9' });
    expect(routeOf('#/admin')).toEqual({ page: 'admin', section: 'products' });
    expect(routeOf('#/admin/analytics')).toEqual({ page: 'admin', section: 'analytics' });
  });

  it('names an unknown page instead of guessing', () => {
    expect(routeOf('#/product/')).toEqual({ page: 'not-found', path: '/product/' });
    expect(routeOf('#/basket')).toEqual({ page: 'not-found', path: '/basket' });
  });

  it('links a page through the fragment', () => {
    expect(hrefOf('/cart')).toBe('#/cart');
  });
});
