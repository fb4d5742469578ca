import { newId } from '@shoplane/contracts';
import { describe, expect, it } from 'vitest';
import type { Recipient } from './notification.js';
import { orderConfirmationEmail, orderFailureEmail, requestedMessage, welcomeEmail } from './templates.js';

const ada: Recipient = { userId: newId('usr'), email: 'ada@example.com', name: 'Ada' };
const orderId = 'ord_01JD8Z4M6Q5J3K2N1P0R9S8T7V';
const usd = (amount: number) => ({ amount, currency: 'USD' as const });
const order = {
  orderId,
  paymentId: 'pay_01JD8Z4M6Q5J3K2N1P0R9S8T7V',
  userId: ada.userId,
  lines: [
    { productId: newId('prd'), name: 'Enamel mug', unitPrice: usd(1299), quantity: 2, lineTotal: usd(2598) },
    { productId: newId('prd'), name: 'Stovetop kettle', unitPrice: usd(3499), quantity: 1, lineTotal: usd(3499) },
  ],
  total: usd(6097),
};

describe('the welcome e-mail', () => {
  it('greets the customer by name in text and HTML and names their login', () => {
    const email = welcomeEmail(ada);

    expect(email.subject).toBe('Welcome to Shoplane, Ada');
    expect(email.text).toContain('Hi Ada,');
    expect(email.text).toContain('ada@example.com');
    expect(email.html).toContain('<p>Hi Ada,</p>');
  });
});

describe('the order confirmation e-mail', () => {
  it('lists every line with quantity, unit price and line total, and the order total, in text', () => {
    const { text, subject } = orderConfirmationEmail(ada, order);

    expect(subject).toBe(`Your Shoplane order ${orderId} is confirmed`);
    expect(text).toContain('2 × Enamel mug at $12.99 = $25.98');
    expect(text).toContain('1 × Stovetop kettle at $34.99 = $34.99');
    expect(text).toContain('Total: $60.97');
  });

  it('shows the same lines and total as an HTML table', () => {
    const { html } = orderConfirmationEmail(ada, order);

    expect(html).toMatch(/<tr><td[^>]*>Enamel mug<\/td><td[^>]*>2<\/td><td[^>]*>\$12\.99<\/td><td[^>]*>\$25\.98<\/td><\/tr>/);
    expect(html).toMatch(/<tfoot><tr><th[^>]*>Total<\/th><th[^>]*>\$60\.97<\/th><\/tr><\/tfoot>/);
  });

  it('escapes product and customer names in HTML but keeps them as written in text', () => {
    const sneaky = { ...order, lines: [{ ...order.lines[0], name: '<img src=x onerror="steal()">Mug' }] } as typeof order;

    const email = orderConfirmationEmail({ ...ada, name: 'Ada <b>"the" Countess</b>' }, sneaky);

    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;img src=x onerror=&quot;steal()&quot;&gt;Mug');
    expect(email.html).toContain('Hi Ada &lt;b&gt;&quot;the&quot; Countess&lt;/b&gt;,');
    expect(email.text).toContain('<img src=x onerror="steal()">Mug');
  });
});

describe('the order failure e-mail', () => {
  it('says why in the customer\'s words and that nothing is charged, without the operator detail', () => {
    const email = orderFailureEmail(ada, { orderId, userId: ada.userId, reason: 'out-of-stock', detail: 'reservation res_1 refused: prd_x short by 2' });

    expect(email.subject).toBe(`Your Shoplane order ${orderId} could not be completed`);
    expect(email.text).toContain('one or more of its products ran out of stock');
    expect(email.text).toContain('You are not charged for it');
    expect(email.text).not.toContain('res_1');
    expect(email.html).toContain('ran out of stock');
  });
});

describe('a message the saga asks for', () => {
  it('is the caller\'s words under a subject naming the order, escaped in HTML', () => {
    const email = requestedMessage(ada, { channel: 'EMAIL', template: 'message', message: 'Your parcel <ships> today\nTrack it soon.', orderId });

    expect(email).toMatchObject({ channel: 'EMAIL', subject: `About your Shoplane order ${orderId}` });
    if (email.channel !== 'EMAIL') throw new Error('expected an e-mail');
    expect(email.text).toContain('Your parcel <ships> today');
    expect(email.html).toContain('<p>Your parcel &lt;ships&gt; today<br>Track it soon.</p>');
  });

  it('is a short text message on SMS', () => {
    expect(requestedMessage(ada, { channel: 'SMS', template: 'order-confirmation', message: 'Order confirmed.' })).toEqual({ channel: 'SMS', text: 'Shoplane: Order confirmed.' });
  });
});
