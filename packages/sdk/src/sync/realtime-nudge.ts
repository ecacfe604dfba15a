import type { NudgeSource } from './change-feed-sync.js';

/** The part of a Supabase Realtime channel {@link realtimeNudge} uses. */
export interface RealtimeChannelLike {
  on(
    type: 'broadcast',
    filter: { event: string },
    callback: (payload: unknown) => void,
  ): RealtimeChannelLike;
  /**
   * Joins the channel; `callback` receives each status: `SUBSCRIBED`, `CHANNEL_ERROR`,
   * `TIMED_OUT`, `CLOSED` (supabase-js rejoins by itself after an error).
   */
  subscribe(callback?: (status: string, error?: Error) => void): unknown;
}

/** The part of a Supabase client {@link realtimeNudge} uses (`SupabaseClient` fits). */
export interface RealtimeClientLike {
  channel(name: string, options?: { config: { private?: boolean } }): RealtimeChannelLike;
  removeChannel(channel: RealtimeChannelLike): unknown;
  /** Realtime's own client: `setAuth` gives it the broker's token for a private channel. */
  realtime?: { setAuth(token?: string | null): unknown };
}

/** Options of {@link realtimeNudge}. */
export interface RealtimeNudgeOptions {
  /**
   * The broadcast topic the database announces changes on. The migration
   * `realtime_nudge` sends to `chat:${userId}`, the broker's own id.
   */
  topic: string;
  /** The broadcast event name (default `*`, any event; the migration sends `changed`). */
  event?: string;
  /**
   * Join as a private channel, authorized by the policy on `realtime.messages` (default true,
   * as the migration sends private broadcasts only).
   */
  private?: boolean;
  /**
   * The broker's access token, handed to `supabase.realtime.setAuth()` before joining (a
   * private channel is refused without it). A function is called at each join. Omit it when
   * supabase-js manages the session itself (it then sets the token on its own).
   */
  accessToken?: string | (() => string | null | Promise<string | null>);
}

/**
 * A nudge from Supabase Realtime: each broadcast on `topic` makes the sync engine poll now,
 * and while the channel is joined (`SUBSCRIBED`) the engine polls less often
 * (`ChangeFeedSyncOptions.healthyIntervalMs`), back to normal on `CHANNEL_ERROR`, `TIMED_OUT`
 * or `CLOSED`. Never trusted for data: the change feed stays the only source of truth, so a
 * missed or duplicated broadcast costs nothing but latency.
 *
 * @example
 * const sync = new ChangeFeedSync({
 *   client: chat,
 *   nudges: [realtimeNudge(supabase, { topic: `chat:${userId}`, accessToken })],
 * });
 */
export function realtimeNudge(
  supabase: RealtimeClientLike,
  options: RealtimeNudgeOptions,
): NudgeSource {
  return (nudge, health) => {
    let stopped = false;
    let leave: (() => void) | null = null;
    // The channel's code loads on its own (a lazy chunk of the browser bundles, which most
    // pages never need); until then, and if it can't load, polling carries on at its pace.
    void import('./realtime-channel.js').then(
      ({ joinNudgeChannel }) => {
        if (!stopped) leave = joinNudgeChannel(supabase, options, nudge, health);
      },
      () => {
        if (!stopped) health(false);
      },
    );
    return () => {
      stopped = true;
      leave?.();
    };
  };
}
