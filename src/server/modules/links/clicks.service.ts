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

/** Clicks ready for insertClickBatch: their 11 columns as array literals, in the statement's order. */
export interface ClickBatch {
  readonly size: number;
  readonly columns: readonly string[];
}

const flag = (value: boolean) => (value ? 't' : 'f');

/**
 * Gathers clicks column by column into arrays it keeps from batch to batch, and hands them over as a
 * ClickBatch (`take`). The click importer adds each click as it parses it, so no click outlives its own
 * line: a batch waiting for the database is 11 strings, not hundreds of objects (which V8 may promote,
 * or allocate old outright, with every string they point to; see ARCHITECTURE "Scale-out path").
 */
export class ClickColumns {
  private readonly columns: (string | null)[][] = Array.from({ length: 11 }, () => []);

  get size(): number {
    return this.columns[0]!.length;
  }

  add(click: ClickRecord): void {
    const c = this.columns;
    c[0]!.push(click.id);
    c[1]!.push(click.linkId);
    c[2]!.push(click.at.toISOString());
    c[3]!.push(flag(click.isBot));
    c[4]!.push(flag(click.isUnique));
    c[5]!.push(click.device);
    c[6]!.push(click.os);
    c[7]!.push(click.browser);
    c[8]!.push(click.referrerDomain);
    c[9]!.push(click.visitorHash);
    c[10]!.push(click.country);
  }

  /** The clicks added since the last take, as one batch; the columns start over empty. */
  take(): ClickBatch {
    const batch = { size: this.size, columns: this.columns.map(arrayLiteral) };
    for (const column of this.columns) column.length = 0;
    return batch;
  }
}

/** Inserts the clicks and rolls them up (see insertClickBatch). Returns how many clicks were written. */
export function insertClicks(db: Db | Tx, clicks: readonly ClickRecord[]): Promise<number> {
  const columns = new ClickColumns();
  for (const click of clicks) columns.add(click);
  return insertClickBatch(db, columns.take());
}

/**
 * Inserts a batch of clicks and rolls them up per link and UTC day, in one statement (so in one
 * transaction). Arrays are passed as 11 parameters whatever the batch size; workspace, ambassador and
 * program come from the link. A click whose link was deleted meanwhile is dropped (its link's clicks are
 * gone with it), and a click id already stored is skipped, so a retried batch never counts twice.
 * Returns how many clicks were written.
 */
export async function insertClickBatch(db: Db | Tx, batch: ClickBatch): Promise<number> {
  if (batch.size === 0) return 0;
  const [id, linkId, at, isBot, isUnique, device, os, browser, referrer, visitor, country] = batch.columns;
  const result = await db.execute(sql`
    with incoming as (
      select * from unnest(
        ${id}::text[], ${linkId}::text[], ${at}::timestamptz[], ${isBot}::boolean[],
        ${isUnique}::boolean[], ${device}::text[], ${os}::text[], ${browser}::text[],
        ${referrer}::text[], ${visitor}::text[], ${country}::text[]
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
