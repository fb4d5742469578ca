import type { components } from '@shoplane/api-client';
import { api, idempotencyKey } from './client.js';
import { unwrap } from './errors.js';
import { sessionStore } from './session.js';

/** The calls the shopper pages make, each unwrapped to its data or an ApiError. */
export type Product = components['schemas']['Product'];
export type ProductPage = components['schemas']['ProductPage'];
export type Cart = components['schemas']['Cart'];
export type Order = components['schemas']['Order'];
export type OrderPage = components['schemas']['OrderPage'];
export type NotificationPage = components['schemas']['NotificationPage'];
export type PaymentDetails = components['schemas']['PaymentDetails'];

export interface CatalogueQuery {
  category?: string;
  minPrice?: number;
  maxPrice?: number;
  cursor?: string;
  limit?: number;
}

export const listProducts = async (query: CatalogueQuery): Promise<ProductPage> => unwrap(await api().GET('/products', { params: { query } }));

export const getProduct = async (productId: string): Promise<Product> =>
  unwrap(await api().GET('/products/{productId}', { params: { path: { productId } } }));

export async function register(body: { email: string; password: string; name: string }): Promise<void> {
  unwrap(await api().POST('/users/register', { body }));
}

/** Logs in and keeps the session, with the role and name /users/me reports. */
export async function logIn(body: { email: string; password: string }): Promise<void> {
  const login = unwrap(await api().POST('/users/login', { body }));
  const headers = { Authorization: `Bearer ${login.token}` };
  const me = unwrap(await api().GET('/users/me', { headers }));
  sessionStore.set({ token: login.token, userId: login.userId, name: me.name, role: me.role, expiresAt: Date.now() + login.expiresIn * 1000 });
}

export const logOut = (): void => sessionStore.set(undefined);

export const getCart = async (): Promise<Cart> => unwrap(await api().GET('/cart'));

export const addToCart = async (productId: string, quantity: number): Promise<Cart> =>
  unwrap(await api().POST('/cart/items', { body: { productId, quantity } }));

export const setQuantity = async (productId: string, quantity: number): Promise<Cart> =>
  unwrap(await api().PUT('/cart/items/{productId}', { params: { path: { productId } }, body: { quantity } }));

export const removeFromCart = async (productId: string): Promise<Cart> =>
  unwrap(await api().DELETE('/cart/items/{productId}', { params: { path: { productId } } }));

/** Orders the whole cart. */
export async function placeOrder(payment: PaymentDetails): Promise<string> {
  const created = unwrap(
    await api().POST('/orders', { params: { header: { 'Idempotency-Key': idempotencyKey('order') } }, body: { payment } }),
  );
  return created.orderId;
}

export const getOrder = async (orderId: string): Promise<Order> => unwrap(await api().GET('/orders/{orderId}', { params: { path: { orderId } } }));

export const listOrders = async (cursor?: string): Promise<OrderPage> =>
  unwrap(await api().GET('/orders', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));

export const listNotifications = async (cursor?: string): Promise<NotificationPage> =>
  unwrap(await api().GET('/notifications', { params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } } }));
