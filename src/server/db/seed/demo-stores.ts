// Demo store connections (T3): the brand's website pixel and a conversions API connection with one key,
// so the Stores & tracking page and the tracking guide show filled-in snippets. The key itself is
// discarded: it is never printed or stored in clear.
import type { Db } from '../../db/client';
import type { WorkspaceScope } from '../../lib/scope';
import { createApiKey } from '../../modules/conversions/api-keys.service';
import { createConnection } from '../../modules/conversions/stores.service';

export async function seedDemoStores(db: Db, scope: WorkspaceScope, programId: string, baseUrl: string) {
  await createConnection(db, scope, { programId, kind: 'pixel', name: 'glowandco.example pixel' }, baseUrl);
  const api = await createConnection(
    db,
    scope,
    { programId, kind: 'api', name: 'Headless checkout' },
    baseUrl,
  );
  await createApiKey(db, scope, api.connection.id, { name: 'Checkout server' });
}
