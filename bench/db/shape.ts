/**
 * The shape of the generated data: how many brokers, sessions and messages, and where the
 * outliers are (one broker far bigger than the rest, one conversation far longer).
 *
 * The issue asks for 1M sessions over 1 000 brokers (one with 100 000) and 3M messages (one
 * session with 100 000). `BENCH_DB_SCALE` (default 1) shrinks every count for a quick dry run;
 * RESULTS.md always says which scale produced its figures.
 */
export interface DatasetShape {
  /** Brokers (auth users). Broker 1 is the big one the benchmark signs in as. */
  brokers: number;
  /** Sessions over all brokers. */
  sessions: number;
  /** Sessions of broker 1. The other brokers share the rest evenly. */
  bigBrokerSessions: number;
  /** Messages over all sessions. */
  messages: number;
  /** Messages of the main conversation of broker 1's most recent session (session 1). */
  longConversation: number;
  /** The scale factor the counts came from. */
  scale: number;
}

/** The full-size shape the issue asks for, scaled down by `scale` when below 1. */
export function datasetShape(scale = 1): DatasetShape {
  if (!(scale > 0 && scale <= 1)) {
    throw new Error(`BENCH_DB_SCALE must be in (0, 1], got ${scale}`);
  }
  const scaled = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  const shape: DatasetShape = {
    brokers: scaled(1_000, 10),
    sessions: scaled(1_000_000, 2_000),
    bigBrokerSessions: scaled(100_000, 1_000),
    messages: scaled(3_000_000, 6_000),
    longConversation: scaled(100_000, 1_000),
    scale,
  };
  // Every session other than the long conversation gets at least two messages (so the
  // operator-thread sessions have a request and a reply).
  const others = shape.sessions - 1;
  if (shape.messages - shape.longConversation < 2 * others) {
    throw new Error('datasetShape: too few messages for two per session');
  }
  return shape;
}
