import type { ProductCreated } from '@shoplane/contracts';
import { StockNotFoundError } from './errors.js';
import type { ReservationRepository, StockRepository } from './ports.js';
import { newStockRecord, type StockRecord } from './stock.js';

export interface InventoryDependencies {
  stock: StockRepository;
  reservations: ReservationRepository;
  clock?: () => Date;
}

export const now = (deps: Pick<InventoryDependencies, 'clock'>) => deps.clock?.() ?? new Date();

export async function stockOf(deps: Pick<InventoryDependencies, 'stock'>, productId: string): Promise<StockRecord> {
  const record = await deps.stock.find(productId);
  if (!record) throw new StockNotFoundError();
  return record;
}

/** Adds units to a product's available stock; answers the record after the change. */
export async function restock(
  deps: Pick<InventoryDependencies, 'stock' | 'clock'>,
  request: { productId: string; quantity: number; correlationId: string },
): Promise<StockRecord> {
  const change = { reason: 'restocked' as const, correlationId: request.correlationId, at: now(deps) };
  const record = await deps.stock.restock(request.productId, request.quantity, change);
  if (!record) throw new StockNotFoundError();
  return record;
}

/**
 * Creates a product's stock record from its ProductCreated event. Events can arrive
 * more than once; the first creates the record, replays change nothing (and so
 * announce nothing). Answers whether this call created it.
 */
export async function recordNewProduct(deps: Pick<InventoryDependencies, 'stock' | 'clock'>, event: ProductCreated): Promise<boolean> {
  const at = now(deps);
  const record = newStockRecord(event.data.productId, event.data.stock, at);
  return deps.stock.createIfAbsent(record, { reason: 'created', correlationId: event.correlationId, at });
}
