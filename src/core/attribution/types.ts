// The shapes the attribution engine works on, as the ingest layer hands them over. Times are instants
// (UTC); money is an integer of minor units plus an ISO 4217 currency code.

/** One order as a store webhook, the pixel, the API or a CSV row reports it. */
export interface ConversionEvent {
  /** The store connection the order came from; with `externalOrderId` it names the order. */
  store: string;
  externalOrderId: string;
  occurredAt: Date;
  amountMinor: number;
  currency: string;
  customerEmail?: string | null;
  /** Discount codes on the order, as the store reports them (any case). */
  codes: string[];
  /** The click id carried by the pixel cookie, `client_reference_id`, metadata or note attributes. */
  clickId?: string | null;
  /** The page the customer landed on (Shopify `landing_site`); its click id is used when `clickId` is absent. */
  landingUrl?: string | null;
}

/** A recorded click on an ambassador's tracked link. */
export interface TrackedClick {
  clickId: string;
  ambassadorId: string;
  at: Date;
  isBot: boolean;
}

/** A discount code issued to an ambassador. Codes are case-insensitive. */
export interface AmbassadorCode {
  code: string;
  ambassadorId: string;
}

/** An ambassador eligible for credit; the email is checked against the customer's for self-referral. */
export interface AttributableAmbassador {
  id: string;
  email?: string | null;
}

export type Precedence = 'code' | 'click';

/** A program's attribution rules (PRODUCT T4). */
export interface AttributionRules {
  /** How many days before the order a click still counts. */
  windowDays: number;
  /** Which evidence wins when a code and a click point to different ambassadors. */
  precedence: Precedence;
  /** Refuse credit when the customer is the ambassador. */
  blockSelfReferral: boolean;
}

export const defaultAttributionRules: AttributionRules = {
  windowDays: 30,
  precedence: 'code',
  blockSelfReferral: true,
};

export type AttributionMethod = 'code' | 'click' | 'both';

/** Evidence that pointed to another ambassador (or to the customer) and was not credited. */
export interface SetAsideEvidence {
  ambassadorId: string;
  method: 'code' | 'click';
  code?: string;
  clickId?: string;
  why: 'precedence' | 'self_referral';
}

export interface AttributionEvidence {
  /** The matching code, upper-cased. */
  code?: string;
  clickId?: string;
  clickAt?: Date;
  /** Whole days (rounded down) between the click and the order. */
  clickAgeDays?: number;
  windowDays: number;
  precedence: Precedence;
  setAside: SetAsideEvidence[];
}

export interface Credit {
  ambassadorId: string;
  method: AttributionMethod;
  evidence: AttributionEvidence;
  /** One sentence a manager can read in the conversions table. */
  reason: string;
}

export type RejectionReason = 'self_referral' | 'outside_window' | 'no_match' | 'bot_click_only';

export interface AttributionResult {
  credited: Credit | null;
  /** Present exactly when `credited` is null. */
  rejected?: { reason: RejectionReason; message: string };
}
