import type { Currency } from '@shoplane/contracts';

/** The shop's currency: an empty cart is shown in it, and it is what a first line usually sets. */
export const shopDefaultCurrency: Currency = 'USD';

/** One line as the cart stores it: what and how many, never a price. */
export interface StoredCartLine {
  productId: string;
  quantity: number;
  /** The cart's currency when the line was created; every line of a cart carries the same one. */
  currency: Currency;
  addedAt: string;
  updatedAt: string;
}

export interface StoredCart {
  lines: StoredCartLine[];
}

/** A wanted change to one line, checked against the product as the catalogue sells it now. */
export interface LineChange {
  productId: string;
  quantity: number;
  /** The product's currency now; the cart must be in it. */
  currency: Currency;
}

/** What the cart header says, as far as a refused new line is concerned. */
export interface CartHeaderState {
  lineCount: number;
  currency?: Currency;
}

/** What an existing line holds, as far as a refused change is concerned. */
export interface ExistingLineState {
  quantity: number;
  currency: Currency;
}
