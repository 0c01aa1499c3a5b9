// Every table, gathered for Drizzle (queries, migrations) and better-auth's adapter.
export * from '../modules/applications/applications.schema';
export * from '../modules/audit/audit.schema';
export * from '../modules/auth/auth.schema';
export * from '../modules/committee/committee.schema';
export * from '../modules/outbox/outbox.schema';
export * from '../modules/outreach/outreach.schema';
export * from '../modules/people/people.schema';
export * from '../modules/portal/portal.schema';
export * from '../modules/programs/programs.schema';
export * from '../modules/prospects/prospects.schema';
export * from '../modules/vetting/vetting.schema';
export * from '../modules/workspaces/workspaces.schema';
