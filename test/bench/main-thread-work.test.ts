// The browser benchmark's main-thread work (bench/browser/trace.ts) on hand-made traces: what
// it counts and what it leaves out.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mainThreadWork, START_MARK } from '../../bench/browser/trace.js';

const MAIN = { pid: 1, tid: 10 };

function trace(events: readonly Record<string, unknown>[]): Uint8Array {
  return Buffer.from(JSON.stringify({ traceEvents: events }));
}

function task(ts: number, dur: number, where = MAIN): Record<string, unknown> {
  return { name: 'ThreadControllerImpl::RunTask', ph: 'X', ts, dur, ...where };
}

const mark = { name: START_MARK, ph: 'I', ts: 1_000, ...MAIN };

describe('mainThreadWork', () => {
  it('adds up the tasks of the marked thread inside the window, idle time left out', () => {
    // Window 1 000–21 000 µs (20 ms): a task crossing the start (counted from the mark), one of
    // 3 ms, a wait, a frame of 5 ms, and one crossing the end (counted to it).
    const events = [
      mark,
      task(500, 1_500),
      task(4_000, 3_000),
      task(15_000, 5_000),
      task(20_500, 2_000),
    ];
    assert.equal(mainThreadWork(trace(events), 20), 1 + 3 + 5 + 0.5);
  });

  it('counts overlapping or nested tasks once, and ignores other threads and events', () => {
    const events = [
      mark,
      task(2_000, 4_000),
      task(3_000, 1_000), // nested in the one before
      task(5_000, 2_000), // overlaps it by 1 ms
      task(2_000, 9_000, { pid: 1, tid: 11 }), // the compositor thread
      task(2_000, 9_000, { pid: 2, tid: 10 }), // another process
      { name: 'SimpleWatcher::OnHandleReady', ph: 'X', ts: 8_000, dur: 1_000, ...MAIN },
      { name: 'ThreadControllerImpl::RunTask', ph: 'B', ts: 9_000, ...MAIN },
    ];
    assert.equal(mainThreadWork(trace(events), 10), 5);
  });

  it('needs exactly one start mark', () => {
    assert.throws(() => mainThreadWork(trace([task(0, 10)]), 1), /0 "bench:start" marks/);
    assert.throws(() => mainThreadWork(trace([mark, mark]), 1), /2 "bench:start" marks/);
  });
});
