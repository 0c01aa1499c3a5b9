// The spammy creator of the vetting tests is the demo's (see src/server/db/seed/demo-vetting.ts).
export { makeSpammyCreator } from '../src/server/db/seed/demo-vetting';
