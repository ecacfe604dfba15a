import type { RealtimeClientLike, RealtimeNudgeOptions } from './realtime-nudge.js';

/**
 * Joins the broadcast channel of a {@link realtimeNudge}: each broadcast calls `nudge`, and
 * `health` hears whether the channel is joined (`SUBSCRIBED`). Returns what leaves it.
 */
export function joinNudgeChannel(
  supabase: RealtimeClientLike,
  options: RealtimeNudgeOptions,
  nudge: () => void,
  health: (healthy: boolean) => void,
): () => void {
  let stopped = false;
  const channel = supabase
    .channel(options.topic, { config: { private: options.private ?? true } })
    .on('broadcast', { event: options.event ?? '*' }, () => nudge());
  const join = async (): Promise<void> => {
    const token =
      typeof options.accessToken === 'function' ? await options.accessToken() : options.accessToken;
    if (token !== undefined && supabase.realtime) await supabase.realtime.setAuth(token);
    if (stopped) return;
    channel.subscribe((status) => {
      if (!stopped) health(status === 'SUBSCRIBED');
    });
  };
  join().catch(() => {
    // No token, no channel: polling carries on at its normal pace.
    if (!stopped) health(false);
  });
  return () => {
    stopped = true;
    void supabase.removeChannel(channel);
  };
}
