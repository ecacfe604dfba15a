// Preloaded into a gateway process by bench/db/gateway-only.ts (BENCH_GATEWAY_CPU=1): counts the
// HTTP requests it serves and, when it exits, prints the process's CPU time per request after
// the first 20 (warm-up, module loading) to stderr. CPU time is a steadier measure than
// latency while other work shares the machine (though contention still inflates it).
import diagnostics from 'node:diagnostics_channel';
import { PerformanceObserver } from 'node:perf_hooks';

const WARMUP_REQUESTS = 20;
let requests = 0;
let start: NodeJS.CpuUsage | undefined;
let gcCount = 0;
let gcMs = 0;
diagnostics.subscribe('http.server.request.start', () => {
  if (requests === WARMUP_REQUESTS) {
    start = process.cpuUsage();
    gcCount = 0;
    gcMs = 0;
  }
  requests++;
});
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcCount++;
    gcMs += entry.duration;
  }
}).observe({ entryTypes: ['gc'] });

process.on('exit', () => {
  if (!start) return;
  const used = process.cpuUsage(start);
  const n = requests - WARMUP_REQUESTS;
  const label = process.env.BENCH_GATEWAY_LABEL ?? String(process.pid);
  process.stderr.write(
    `${label.padEnd(8)} CPU per request: user ${(used.user / 1000 / n).toFixed(3)} ms, ` +
      `system ${(used.system / 1000 / n).toFixed(3)} ms, GC pauses ${(gcMs / n).toFixed(3)} ms ` +
      `(${gcCount} in ${n} requests)\n`,
  );
});
