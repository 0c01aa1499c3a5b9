// Discount codes (T2) and leaked-code alerts (T6): what the API takes and returns.
import { z } from 'zod';

export const codeSchema = z.object({
  id: z.string(),
  programId: z.string(),
  ambassadorId: z.string(),
  creatorId: z.string(),
  ambassadorName: z.string(),
  handle: z.string().nullable(),
  email: z.string().nullable(),
  code: z.string(),
  description: z.string(),
  status: z.enum(['active', 'retired']),
  retiredReason: z.string().nullable(),
  retiredAt: z.string().nullable(),
  /** Orders of the program (not cancelled) that used the code, all time. */
  redemptions: z.number(),
  /** Set once the code exists in a Shopify store (price rule and discount code ids). */
  shopify: z.object({ priceRuleId: z.string(), discountCodeId: z.string() }).nullable(),
  syncedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DiscountCodeView = z.infer<typeof codeSchema>;

export const codeListSchema = z.object({
  items: z.array(codeSchema),
  /** The program's pattern and percent, so the page can explain what "Issue codes" does. */
  pattern: z.string(),
  percent: z.string(),
  /** Whether the program has a Shopify connection with an Admin API token. */
  hasShopify: z.boolean(),
  openAlerts: z.number(),
});
export type CodeList = z.infer<typeof codeListSchema>;

export const issueOneInputSchema = z.object({
  /** A code typed by hand instead of the program's pattern; normalised to A–Z and 0–9. */
  code: z.string().trim().max(60).optional(),
});

export const issueResultSchema = z.object({
  issued: z.array(codeSchema),
  /** Ambassadors the pattern could not make a code for, with why (no handle, …). */
  skipped: z.array(z.object({ ambassadorId: z.string(), name: z.string(), reason: z.string() })),
  /** Onboarding or active ambassadors of the program, with a code or without: 0 means nobody to issue to. */
  eligible: z.number(),
});
export type IssueResult = z.infer<typeof issueResultSchema>;

export const reasonInputSchema = z.object({
  reason: z.string().trim().max(500).default(''),
});

/** Rotating from a leak alert: an optional reason, kept with the old code after the alert's own reasons. */
export const alertRotateInputSchema = z.object({
  reason: z.string().trim().max(500).optional(),
});

export const rotateResultSchema = z.object({
  retired: codeSchema,
  issued: codeSchema,
  /** What happened to the old code in Shopify, when it was there. */
  shopifyNote: z.string().nullable(),
});
export type RotateResult = z.infer<typeof rotateResultSchema>;

export const retireResultSchema = z.object({ retired: codeSchema, shopifyNote: z.string().nullable() });
export type RetireResult = z.infer<typeof retireResultSchema>;

export const shopifySyncInputSchema = z.object({
  /** Which Shopify connection of the program; needed only when it has several. */
  connectionId: z.string().optional(),
});

export const codeFiguresSchema = z.object({
  redemptions: z.number(),
  redemptionsWithClick: z.number(),
  couponSiteRedemptions: z.number(),
  ambassadorClicks: z.number(),
  windowDays: z.number(),
});

export const codeAlertSchema = z.object({
  id: z.string(),
  codeId: z.string(),
  code: z.string(),
  codeStatus: z.enum(['active', 'retired']),
  ambassadorId: z.string(),
  ambassadorName: z.string(),
  reasons: z.array(z.string()),
  figures: codeFiguresSchema,
  resolution: z.enum(['rotated', 'dismissed']).nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CodeAlertView = z.infer<typeof codeAlertSchema>;

export const alertListQuerySchema = z.object({
  status: z.enum(['open', 'all']).default('open'),
});

export const scanQuerySchema = z.object({
  windowDays: z.coerce.number().int().min(1).max(365).default(30),
});

export const scanResultSchema = z.object({
  scanned: z.number(),
  raised: z.number(),
  updated: z.number(),
  open: z.number(),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const alertRotateResultSchema = z.object({ alert: codeAlertSchema, rotation: rotateResultSchema });
