import type { Database } from '../db/client';
import type { Env } from '../lib/env';
import type { Logger } from '../lib/logger';
import type { AmbassadorScope, WorkspaceScope } from '../lib/scope';
import type { MediaStorage } from '../lib/storage';
import type { Auth } from '../modules/auth/auth';
import type { Mailer } from '../modules/outbox/outbox.service';
import type { Metrics } from './metrics';

/** What the composition root hands to the HTTP layer. */
export interface Services {
  env: Env;
  database: Database;
  logger: Logger;
  mailer: Mailer;
  auth: Auth;
  metrics: Metrics;
  /** Uploaded media (disk under the data directory by default). */
  storage: MediaStorage;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export type AppEnv = {
  Variables: {
    services: Services;
    requestId: string;
    logger: Logger;
    user: SessionUser | null;
    scope: WorkspaceScope;
    ambassador: AmbassadorScope;
  };
};
