/**
 * The storefront's pages, addressed by the URL fragment (`/#/product/prd_…`): the API
 * owns the real paths (`/products`, `/cart`, `/orders` …), so the pages never shadow
 * them, and a static host needs no rewrite rules.
 */
export type Route =
  | { page: 'catalogue' }
  | { page: 'product'; productId: string }
  | { page: 'login' }
  | { page: 'register' }
  | { page: 'cart' }
  | { page: 'checkout' }
  | { page: 'orders' }
  | { page: 'order'; orderId: string }
  | { page: 'notifications' }
  | { page: 'admin'; section: 'products' | 'analytics' }
  | { page: 'not-found'; path: string };

const id = '([A-Za-z0-9_-]+)';
const patterns: [RegExp, (match: RegExpExecArray) => Route][] = [
  [/^\/?$/, () => ({ page: 'catalogue' })],
  [new RegExp(`^/product/${id}$`), (match) => ({ page: 'product', productId: match[1] ?? '' })],
  [/^\/login$/, () => ({ page: 'login' })],
  [/^\/register$/, () => ({ page: 'register' })],
  [/^\/cart$/, () => ({ page: 'cart' })],
  [/^\/checkout$/, () => ({ page: 'checkout' })],
  [/^\/orders$/, () => ({ page: 'orders' })],
  [new RegExp(`^/orders/${id}$`), (match) => ({ page: 'order', orderId: match[1] ?? '' })],
  [/^\/notifications$/, () => ({ page: 'notifications' })],
  [/^\/admin(?:\/products)?$/, () => ({ page: 'admin', section: 'products' })],
  [/^\/admin\/analytics$/, () => ({ page: 'admin', section: 'analytics' })],
];

/** `#/orders/ord_1` → `{ page: 'order', orderId: 'ord_1' }`. */
export function routeOf(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const [pattern, toRoute] of patterns) {
    const match = pattern.exec(path);
    if (match) return toRoute(match);
  }
  return { page: 'not-found', path };
}

/** The href of a page: `hrefOf('/cart')` → `#/cart`. */
export function hrefOf(path: string): string {
  return `#${path}`;
}
