// What the portal shows an ambassador to put in their captions: their active discount codes and their
// live tracked links, per program.
import { z } from 'zod';

export const portalCodeSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  code: z.string(),
  /** What the code gives a customer, e.g. "15% off". */
  description: z.string(),
});

export const portalLinkSchema = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  /** The short URL to share: `<PUBLIC_URL>/l/<slug>`. */
  url: z.string(),
  campaign: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const portalTrackingSchema = z.object({
  codes: z.array(portalCodeSchema),
  links: z.array(portalLinkSchema),
});

export type PortalTracking = z.infer<typeof portalTrackingSchema>;
export type PortalCode = z.infer<typeof portalCodeSchema>;
export type PortalTrackedLink = z.infer<typeof portalLinkSchema>;
