// Writing clicks (T1): one statement inserts a batch into `click` and adds it to the `click_daily` rollup,
// so charts never scan clicks. The click importer (src/redirector/click-import.ts), which moves the
// redirector's journaled clicks into the database, and the demo seed both write through here.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';

/** One served redirect, as the redirector records it (its workspace, ambassador and program are its link's). */
export interface ClickRecord {
  id: string;
  linkId: string;
  at: Date;
  isBot: boolean;
  isUnique: boolean;
  device: string | null;
  os: string | null;
  browser: string | null;
  referrerDomain: string | null;
  visitorHash: string;
  country: string | null;
}

const needsEscape = /["\\]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of `values`, made by one join. The drivers' own array
 * serializers build it element by element (pg: ~2.9 KB of short-lived strings per click over the
 * columns), which kept the importer's young generation busy enough to push each batch into the old one.
 */
function arrayLiteral(values: readonly (string | null)[]): string {
  if (values.length === 0) return '{}';
  if (values.every((v) => v !== null && !needsEscape.test(v))) return `{"${values.join('","')}"}`;
  const quoted = values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, '\\$&')}"`));
  return `{${quoted.join(',')}}`;
}

/**
 * Inserts the clicks and rolls them up per link and UTC day, in one statement (so in one transaction).
 * Arrays are passed as 11 parameters whatever the batch size; workspace, ambassador and program come
 * from the link. A click whose link was deleted meanwhile is dropped (its link's clicks are gone with
 * it), and a click id already stored is skipped, so a retried batch never counts twice. Returns how many clicks were written.
 */
export async function insertClicks(db: Db | Tx, clicks: readonly ClickRecord[]): Promise<number> {
  if (clicks.length === 0) return 0;
  const col = (pick: (c: ClickRecord) => string | null) => arrayLiteral(clicks.map(pick));
  const flag = (value: boolean) => (value ? 't' : 'f');
  const result = await db.execute(sql`
    with incoming as (
      select * from unnest(
        ${col((c) => c.id)}::text[], ${col((c) => c.linkId)}::text[],
        ${col((c) => c.at.toISOString())}::timestamptz[], ${col((c) => flag(c.isBot))}::boolean[],
        ${col((c) => flag(c.isUnique))}::boolean[], ${col((c) => c.device)}::text[], ${col((c) => c.os)}::text[],
        ${col((c) => c.browser)}::text[], ${col((c) => c.referrerDomain)}::text[],
        ${col((c) => c.visitorHash)}::text[], ${col((c) => c.country)}::text[]
      ) as u(id, link_id, at, is_bot, is_unique, device, os, browser, referrer_domain, visitor_hash, country)
    ), inserted as (
      insert into click (id, workspace_id, link_id, ambassador_id, program_id, at, is_bot, is_unique,
                         device, os, browser, referrer_domain, visitor_hash, country)
      select i.id, l.workspace_id, i.link_id, l.ambassador_id, l.program_id, i.at, i.is_bot, i.is_unique,
             i.device, i.os, i.browser, i.referrer_domain, i.visitor_hash, i.country
      from incoming i join link l on l.id = i.link_id
      on conflict (id) do nothing
      returning workspace_id, link_id, ambassador_id, program_id, at, is_bot, is_unique
    ), rolled as (
      insert into click_daily (workspace_id, link_id, ambassador_id, program_id, day, clicks, unique_clicks, bot_clicks)
      select workspace_id, link_id, min(ambassador_id), min(program_id), (at at time zone 'UTC')::date,
             count(*), count(*) filter (where is_unique), count(*) filter (where is_bot)
      from inserted
      group by workspace_id, link_id, (at at time zone 'UTC')::date
      on conflict (link_id, day) do update set
        clicks = click_daily.clicks + excluded.clicks,
        unique_clicks = click_daily.unique_clicks + excluded.unique_clicks,
        bot_clicks = click_daily.bot_clicks + excluded.bot_clicks
      returning 1
    )
    select (select count(*) from inserted)::int as written`);
  const rows = (result as unknown as { rows: Array<{ written: number }> }).rows;
  return Number(rows[0]?.written ?? 0);
}
