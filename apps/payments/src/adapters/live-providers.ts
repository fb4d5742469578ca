import type { LiveProviders } from './configuration.js';
import { razorpayFromEnvironment } from './razorpay-gateway.js';
import { stripeFromEnvironment } from './stripe-gateway.js';

/** Both live providers: charging and refunding may go to either. */
export const bothProviders: LiveProviders = { stripe: stripeFromEnvironment, razorpay: razorpayFromEnvironment };
