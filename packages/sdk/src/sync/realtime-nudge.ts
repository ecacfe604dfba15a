import type { NudgeSource } from './change-feed-sync.js';

/** The part of a Supabase Realtime channel {@link realtimeNudge} uses. */
export interface RealtimeChannelLike {
  on(
    type: 'broadcast',
    filter: { event: string },
    callback: (payload: unknown) => void,
  ): RealtimeChannelLike;
  subscribe(): unknown;
}

/** The part of a Supabase client {@link realtimeNudge} uses (`SupabaseClient` fits). */
export interface RealtimeClientLike {
  channel(name: string): RealtimeChannelLike;
  removeChannel(channel: RealtimeChannelLike): unknown;
}

/** Options of {@link realtimeNudge}. */
export interface RealtimeNudgeOptions {
  /** The broadcast topic the host's backend announces changes on, e.g. `chat:${userId}`. */
  topic: string;
  /** The broadcast event name (default `*`, any event). */
  event?: string;
}

/**
 * A nudge from Supabase Realtime: each broadcast on `topic` makes the sync engine poll now.
 * Optional and never trusted for data: the change feed stays the only source of truth, so a
 * missed or duplicated broadcast costs nothing but latency.
 *
 * @example
 * const sync = new ChangeFeedSync({
 *   client: chat,
 *   nudges: [realtimeNudge(supabase, { topic: `chat:${userId}` })],
 * });
 */
export function realtimeNudge(
  supabase: RealtimeClientLike,
  options: RealtimeNudgeOptions,
): NudgeSource {
  return (nudge) => {
    const channel = supabase
      .channel(options.topic)
      .on('broadcast', { event: options.event ?? '*' }, () => nudge());
    channel.subscribe();
    return () => {
      void supabase.removeChannel(channel);
    };
  };
}
