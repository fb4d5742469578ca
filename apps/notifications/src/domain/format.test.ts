import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, formatMoney } from './format.js';

describe('formatMoney', () => {
  it.each([
    [{ amount: 1299, currency: 'USD' as const }, '$12.99'],
    [{ amount: 5, currency: 'USD' as const }, '$0.05'],
    [{ amount: 0, currency: 'EUR' as const }, '€0.00'],
    [{ amount: 500, currency: 'JPY' as const }, '¥500'],
    // Intl puts a no-break space after a currency code.
    [{ amount: 1234, currency: 'BHD' as const }, 'BHD\u00a01.234'],
    [{ amount: 123456789, currency: 'INR' as const }, '₹1,234,567.89'],
  ])('prints %o as %s', (money, expected) => {
    expect(formatMoney(money)).toBe(expected);
  });

  it('prints the largest exact total to the last minor unit', () => {
    expect(formatMoney({ amount: Number.MAX_SAFE_INTEGER, currency: 'USD' })).toBe('$90,071,992,547,409.91');
  });

  it('never loses a cent: the printed digits are the amount\'s digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
        const digits = formatMoney({ amount, currency: 'USD' }).replace(/[^0-9]/g, '');
        expect(BigInt(digits)).toBe(BigInt(amount));
      }),
    );
  });
});

describe('escapeHtml', () => {
  it('escapes the characters that could open a tag or leave an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
  });

  it('leaves no markup character in any text, and loses none of it', () => {
    const unescape = (html: string) =>
      html.replace(/&(lt|gt|quot|#39|amp);/g, (_entity, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name] ?? '');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const escaped = escapeHtml(text);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescape(escaped)).toBe(text);
      }),
    );
  });
});
