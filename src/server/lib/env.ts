// Environment variables are parsed once, here, with zod; no other file reads process.env.
import { z } from 'zod';

const s3Variables = [
  'S3_ENDPOINT',
  'S3_BUCKET',
  'S3_REGION',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
] as const;

const envSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    // Loopback by default: the demo has a well-known password, so reaching other machines is opt-in.
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z.string().optional(),
    TROUPE_DATA_DIR: z.string().default('./data'),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Troupe <no-reply@troupe.local>'),
    AUTH_SECRET: z.string().min(16).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Lets a Prometheus scraper elsewhere read /metrics with this bearer token (without it: this machine only).
    METRICS_TOKEN: z.string().min(16).optional(),
    TRUST_PROXY: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    // Uploaded media: a directory under TROUPE_DATA_DIR (disk), or an S3-compatible bucket (s3, all S3_* set).
    MEDIA_STORAGE: z.enum(['disk', 's3']).default('disk'),
    S3_ENDPOINT: z.url().optional(),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.MEDIA_STORAGE !== 's3') return;
    for (const name of s3Variables) {
      if (!env[name])
        ctx.addIssue({ code: 'custom', path: [name], message: 'is required when MEDIA_STORAGE=s3' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parses the given variables (default: the process's) into a typed config; throws naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return parsed.data;
}

/** The address people use to reach Troupe; links in emails are built from it. */
export function baseUrlOf(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
