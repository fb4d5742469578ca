/**
 * What payments' functions read from their environment: names and switches, never
 * secret values. Shared by the adapters that read them and the stack that sets them.
 */
export const paymentsVariables = {
  /** `sandbox` (default) or `live`: Stripe for cards, Razorpay for UPI. */
  gateway: 'PAYMENTS_GATEWAY',
  /** Sandbox: base URL of the API its approval webhooks are POSTed to. */
  sandboxWebhookUrl: 'PAYMENTS_SANDBOX_WEBHOOK_URL',
  /** Sandbox: milliseconds before a UPI payment is approved (default 2000). */
  sandboxApprovalDelayMs: 'PAYMENTS_SANDBOX_APPROVAL_DELAY_MS',
  /** Secrets Manager secret (name or ARN) holding Stripe's secret API key. */
  stripeApiKeySecret: 'STRIPE_API_KEY_SECRET',
  /** Secrets Manager secret holding the Stripe webhook endpoint's signing secret (`whsec_…`). */
  stripeWebhookSecret: 'STRIPE_WEBHOOK_SIGNING_SECRET',
  /** Secrets Manager secret holding `{"keyId":"rzp_…","keySecret":"…"}`. */
  razorpayApiKeySecret: 'RAZORPAY_API_KEY_SECRET',
  /** Secrets Manager secret holding the Razorpay webhook secret (the sandbox signs with it too). */
  razorpayWebhookSecret: 'RAZORPAY_WEBHOOK_SIGNING_SECRET',
} as const;

export type GatewayMode = 'sandbox' | 'live';
