import type { components } from '@shoplane/api-client';
import { api, idempotencyKey } from '../api/client.js';
import { unwrap } from '../api/errors.js';
import { lastDays } from '../domain/days.js';

/** The admin operations (in the admin chunk only). */
export type CreateProduct = components['schemas']['CreateProductRequest'];
export type UpdateProduct = components['schemas']['UpdateProductRequest'];
export type AnalyticsSummary = components['schemas']['AnalyticsSummary'];
export type StockRecord = components['schemas']['StockRecord'];

export async function createProduct(body: CreateProduct): Promise<string> {
  const created = unwrap(await api().POST('/products', { params: { header: { 'Idempotency-Key': idempotencyKey('product') } }, body }));
  return created.productId;
}

export async function updateProduct(productId: string, body: UpdateProduct): Promise<void> {
  unwrap(await api().PATCH('/products/{productId}', { params: { path: { productId } }, body }));
}

export async function archiveProduct(productId: string): Promise<void> {
  unwrap(await api().DELETE('/products/{productId}', { params: { path: { productId } } }));
}

export const restock = async (productId: string, quantity: number): Promise<StockRecord> =>
  unwrap(
    await api().POST('/inventory/{productId}/restock', {
      params: { path: { productId }, header: { 'Idempotency-Key': idempotencyKey('restock') } },
      body: { quantity },
    }),
  );

export const summaryOf = async (from: string, to: string): Promise<AnalyticsSummary> =>
  unwrap(await api().GET('/analytics/summary', { params: { query: { from, to, top: 5 } } }));

export interface DashboardData {
  days: { day: string; summary: AnalyticsSummary }[];
  range: AnalyticsSummary;
}

/** The summary of each of the last `count` days (the per-day charts) and of the whole range (top products). */
export async function dashboardData(count: number, today = new Date()): Promise<DashboardData> {
  const days = lastDays(today, count);
  const first = days[0] ?? '';
  const last = days[days.length - 1] ?? '';
  const [range, ...perDay] = await Promise.all([summaryOf(first, last), ...days.map((day) => summaryOf(day, day))]);
  if (!range) throw new Error('no summary');
  return { range, days: perDay.map((summary, index) => ({ day: days[index] ?? '', summary })) };
}
