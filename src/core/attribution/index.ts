// The attribution engine's public surface (PRODUCT T4): who is credited with an order, how refunds
// reverse credit, and what a landing URL says about the click.
export { type AttributionContext, attribute, normalizeCode } from './attribute';
export { clickIdParam, type LandingParameters, parseLandingUrl, type UtmParameters } from './landing-url';
export { applyRefunds, type OrderRefund } from './refunds';
export { isSameMailbox, mailboxKey } from './same-person-email';
export * from './types';
