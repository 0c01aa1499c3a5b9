import { z } from 'zod';

export const auditEventSchema = z.object({
  id: z.string(),
  actorType: z.enum(['user', 'ambassador', 'system']),
  actorId: z.string().nullable(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  createdAt: z.string(),
});

export const auditListSchema = z.object({ items: z.array(auditEventSchema) });

export type AuditEvent = z.infer<typeof auditEventSchema>;
