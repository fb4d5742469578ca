import type { CreateProductRequest } from '@shoplane/contracts';
import { catalogue } from './adapters/dependencies.js';
import { addProduct, type CatalogueDependencies } from './domain/catalogue.js';
import { ProductAlreadyExistsError } from './domain/errors.js';

const usd = (amount: number) => ({ amount, currency: 'USD' as const });

/** Fixed ids make seeding idempotent: a product already seeded (or archived since) is never created twice. */
const seedId = (index: number) => `prd_01JSEED${String(index).padStart(19, '0')}`;

export const seedCatalogue: CreateProductRequest[] = [
  { name: 'Enamel Kettle', description: 'A 1.7 l stovetop kettle with a whistle.', category: 'kitchen', price: usd(3499), stock: 25 },
  { name: "Chef's Knife", description: 'A 20 cm forged steel knife.', category: 'kitchen', price: usd(8900), stock: 12 },
  { name: 'Cast Iron Skillet', description: 'Pre-seasoned, 26 cm.', category: 'kitchen', price: usd(4250), stock: 0 },
  { name: 'Trail Backpack 30 l', description: 'Light daypack with a rain cover.', category: 'outdoor-gear', price: usd(7999), stock: 18 },
  { name: 'Insulated Bottle', description: 'Keeps drinks cold for 24 hours.', category: 'outdoor-gear', price: usd(2499), stock: 60 },
  { name: 'Camping Lantern', description: 'Rechargeable LED lantern, 300 lumen.', category: 'outdoor-gear', price: usd(3199), stock: 7 },
  { name: 'Noise-Cancelling Headphones', description: 'Over-ear, 30 hours of battery.', category: 'audio', price: usd(19900), stock: 9 },
  { name: 'Portable Speaker', description: 'Waterproof Bluetooth speaker.', category: 'audio', price: usd(5999), stock: 31 },
  { name: 'Turntable', description: 'Belt-drive record player with a built-in preamp.', category: 'audio', price: usd(24900), stock: 3 },
  { name: 'The Pragmatic Kitchen', description: 'Recipes for busy weeknights.', category: 'books', price: usd(2800), stock: 40 },
  { name: 'Field Guide to Birds', description: 'Illustrated, 600 species.', category: 'books', price: usd(3500), stock: 15 },
  { name: 'Desk Lamp', description: 'Dimmable LED lamp with a USB-C port.', category: 'home-office', price: usd(4599), stock: 22 },
];

/**
 * Creates the local catalogue through the create use case, so ProductCreated
 * flows to inventory exactly as for an admin's product. Idempotent.
 */
export async function seed(deps: CatalogueDependencies = catalogue()): Promise<string[]> {
  let created = 0;
  for (const [index, request] of seedCatalogue.entries()) {
    try {
      await addProduct({ ...deps, newProductId: () => seedId(index + 1) }, request, 'seed');
      created++;
    } catch (error) {
      if (!(error instanceof ProductAlreadyExistsError)) throw error;
    }
  }
  const categories = new Set(seedCatalogue.map((product) => product.category)).size;
  return [`catalogue: ${seedCatalogue.length} products in ${categories} categories (${created} created now)  (GET /products)`];
}
