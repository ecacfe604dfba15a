import { readFile } from 'node:fs/promises';
import type { Executor } from './executor.js';
import { seedPath } from './migrate.js';

/**
 * The demo's "reset to the seed", without ever moving a broker's change-feed clock backwards.
 *
 * `supabase/seed.sql` deletes the demo brokers' rows and their clock, then inserts fresh rows
 * stamped 1, 2, … An open tab polling `changes_since(<its cursor>)` would then see nothing new
 * (its cursor is past every new version) and stay stale. So, in the same transaction as the seed:
 * every fresh row of a broker is moved past the clock the broker had before (triggers off: this
 * only renumbers the feed, it changes no data), the clock continues from there, and each session,
 * thread and message that no longer exists gets a tombstone. A tab's next poll then returns the
 * new rows and the deletions, and it converges to exactly what a fresh load shows.
 */

/** The demo brokers, as the seed creates them. */
export const DEMO_BROKERS_SQL = `select id from auth.users where email like '%@skyline-charter.example'`;

const BEFORE = `
create temp table demo_reset_clock on commit drop as
  select o.owner_id, o.clock from chat.owner_state o where o.owner_id in (${DEMO_BROKERS_SQL});
create temp table demo_reset_rows on commit drop as
  select owner_id, 'session'::text as entity, id from chat.sessions
    where owner_id in (select owner_id from demo_reset_clock)
  union all
  select owner_id, 'thread', id from chat.operator_threads
    where owner_id in (select owner_id from demo_reset_clock)
  union all
  select owner_id, 'message', id from chat.messages
    where owner_id in (select owner_id from demo_reset_clock);
`;

const AFTER = `
set local session_replication_role = replica;
update chat.sessions x set sync_version = x.sync_version + c.clock
  from demo_reset_clock c where x.owner_id = c.owner_id;
update chat.operator_threads x set sync_version = x.sync_version + c.clock
  from demo_reset_clock c where x.owner_id = c.owner_id;
update chat.messages x set sync_version = x.sync_version + c.clock
  from demo_reset_clock c where x.owner_id = c.owner_id;
update chat.tombstones x set sync_version = x.sync_version + c.clock
  from demo_reset_clock c where x.owner_id = c.owner_id;
insert into chat.owner_state as o (owner_id, clock)
  select owner_id, clock from demo_reset_clock
  on conflict (owner_id) do update set clock = o.clock + excluded.clock;
set local session_replication_role = origin;
insert into chat.tombstones (owner_id, sync_version, entity, entity_id)
  select gone.owner_id, chat_private.tick(gone.owner_id), gone.entity, gone.id
  from demo_reset_rows gone
  where (gone.entity = 'session' and not exists (select 1 from chat.sessions x where x.id = gone.id))
     or (gone.entity = 'thread' and not exists (select 1 from chat.operator_threads x where x.id = gone.id))
     or (gone.entity = 'message' and not exists (select 1 from chat.messages x where x.id = gone.id))
  order by gone.entity desc, gone.id;
`;

/** Restores the seed data in one transaction; brokers' clocks only move forward. */
export async function resetDemoData(executor: Executor): Promise<void> {
  const seed = await readFile(seedPath, 'utf8');
  const admin = await executor.admin();
  try {
    await admin.runScript(`begin;\n${BEFORE}\n${seed}\n;\n${AFTER}\ncommit;`);
  } catch (error) {
    await admin.runScript('rollback;').catch(() => undefined);
    throw error;
  } finally {
    await admin.release();
  }
}
