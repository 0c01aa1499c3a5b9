// A tracked link made through a running server's API, the way a manager would: sign up, a program with an
// allowed domain, a creator, an ambassador and one link. Used by the tests that start real processes.
import { randomBytes } from 'node:crypto';

export interface ApiResult {
  json: any;
  cookies: string[];
}

/** Calls `/api/v1<path>` on `base` with a session cookie; a status of 300 or more throws with the body. */
export async function api(
  base: string,
  method: string,
  path: string,
  cookie: string,
  body?: unknown,
): Promise<ApiResult> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { cookie, origin: base, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return { json: text ? JSON.parse(text) : null, cookies: res.headers.getSetCookie() };
}

/** A program's tracking settings allowing shop.example.com, with the default UTM template and rules. */
export const trackingSettings = {
  allowedDomains: ['shop.example.com'],
  utmTemplate: { source: 'troupe', medium: 'ambassador', campaign: '{program}', content: '' },
  attributionRules: { windowDays: 30, precedence: 'code', blockSelfReferral: true },
  codePattern: '{HANDLE}{PERCENT}',
  codePercent: '15',
  codeDescription: '',
};

export interface LinkFixture {
  /** The short path, `/l/<slug>`. */
  path: string;
  slug: string;
  linkId: string;
  workspaceId: string;
  /** The signed-up manager's session cookie. */
  cookie: string;
}

/** Signs up, creates a program with an allowed domain, a creator in it and one link. */
export async function createLink(base: string): Promise<LinkFixture> {
  const signup = await api(base, 'POST', '/signup', '', {
    name: 'Link Owner',
    email: `links-${randomBytes(3).toString('hex')}@example.com`,
    password: 'correct horse battery',
    workspaceName: 'Links',
  });
  const cookie = signup.cookies.map((c) => c.split(';')[0]).join('; ');
  const ws = signup.json.workspaces[0].id as string;
  const program = (
    await api(base, 'POST', `/workspaces/${ws}/programs`, cookie, { name: 'Burst', objective: 'sales' })
  ).json;
  await api(base, 'PUT', `/workspaces/${ws}/programs/${program.id}/tracking`, cookie, trackingSettings);
  const person = (
    await api(base, 'POST', `/workspaces/${ws}/creators`, cookie, {
      name: 'Burst Creator',
      socialAccounts: [{ platform: 'instagram', handle: 'burst', followers: 5000 }],
    })
  ).json;
  const amb = (
    await api(base, 'POST', `/workspaces/${ws}/programs/${program.id}/ambassadors`, cookie, {
      creatorId: person.id,
      stage: 'prospect',
    })
  ).json;
  const link = (
    await api(base, 'POST', `/workspaces/${ws}/programs/${program.id}/links`, cookie, {
      ambassadorId: amb.id,
      destination: 'https://shop.example.com/products/serum?ref=bio',
    })
  ).json;
  return { path: `/l/${link.slug}`, slug: link.slug, linkId: link.id, workspaceId: ws, cookie };
}
