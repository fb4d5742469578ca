/**
 * The Markdown at the top of the API reference (`info.description`): conventions, then the
 * checkout flow a frontend implements. Scalar lists its `##` headings in the sidebar.
 */
export const apiGuide = `Serverless e-commerce backend. Send \`Authorization: Bearer <token>\` from \`POST /users/login\`. \
Errors are RFC 9457 problem details (\`application/problem+json\`). Request bodies are strict: a field the API does not know \
is a 422 naming it in \`errors[].path\` (providers' webhooks aside). Money is an integer amount in \
minor units with an ISO-4217 currency. Domain events are listed under \`components.schemas\` as \`<Event>Event\`.

Every operation has a TypeScript sample using \`@shoplane/api-client\`, the typed client generated from this document.

## Checkout flow

1. **Sign in.** \`POST /users/register\`, then \`POST /users/login\` answers a \`token\` valid for \`expiresIn\` seconds (one hour). \
Send it as \`Authorization: Bearer <token>\` (in this reference: paste it under *Authentication*, where bearer is preselected).
2. **Fill the cart.** Browse \`GET /products\`, then \`POST /cart/items\` with \`{ productId, quantity }\`. \`GET /cart\` prices \
every line from the catalogue now; a line with \`available: false\` (archived, or too little stock) is not in the subtotal.
3. **Place the order.** \`POST /orders\` with a fresh \`Idempotency-Key\` header (8 to 128 characters, one per order) and \
\`{ payment }\`; without \`items\` it orders the cart. It answers \`201 { orderId, status: "CREATED" }\`. If the answer is lost, \
send the same request with the same key: you get the same order (\`200\`, \`idempotent-replayed: true\`), never a second one. \
Too little stock is a 409 naming the lines; unknown or archived products a 422.
4. **Wait for checkout.** Poll \`GET /orders/{orderId}\` (every second or two) until \`status\` is \`CONFIRMED\`, \`FAILED\` or \
\`CANCELLED\`; on the way it passes \`PAYMENT_PENDING\`. \`POST /orders/{orderId}/cancel\` works only while it is \`CREATED\` (else 409). \
The ordered lines leave the cart once the order is \`CONFIRMED\`.

### Paying

\`payment\` is \`{ "method": "CARD", "token": "<card token>" }\` (a Stripe token or payment method id from Stripe.js; card numbers \
never reach the API) or \`{ "method": "UPI", "token": "<name@bank>" }\` (the customer approves a collect request in their UPI app, \
so the order stays \`PAYMENT_PENDING\` until they do, at most 15 minutes). The local sandbox (\`npm start\`) answers like the \
providers' test modes:

| method | token | the order ends |
|---|---|---|
| CARD | \`tok_visa\` | \`CONFIRMED\` |
| CARD | \`tok_chargeDeclined\` | \`FAILED\`, \`payment-declined\` |
| CARD | \`tok_chargeDeclinedInsufficientFunds\` | \`FAILED\`, \`insufficient-funds\` |
| UPI | \`success@razorpay\` | \`PAYMENT_PENDING\`, then \`CONFIRMED\` when the sandbox approves (about 2 s) |
| UPI | \`failure@razorpay\` | \`FAILED\`, \`payment-declined\` |

### Why an order FAILED

\`failureReason\` on the order is one of these stable codes. Nobody is charged for a failed order: held stock is released and a \
captured payment refunded.

| failureReason | meaning |
|---|---|
| \`invalid-order\` | the order could no longer be paid as placed (checkout found it not payable) |
| \`out-of-stock\` | stock ran out between placing the order and reserving it |
| \`payment-declined\` | the card or UPI payment was declined or cancelled |
| \`insufficient-funds\` | the card was declined for insufficient funds |
| \`payment-timeout\` | no payment outcome arrived in time (a UPI request left unapproved) |
| \`payment-unavailable\` | the payment provider could not be reached, even after retries |
| \`internal-error\` | a checkout step kept failing after its retries |
`;
