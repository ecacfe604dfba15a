// The browser page of the airport benchmark: quick create's preview, as a broker types. The
// metadata entry (parser + airport table) is imported lazily, as quick create does.
import type * as Metadata from '../../packages/sdk/src/metadata/index.js';

type Mode = 'parse' | 'echo';

declare global {
  interface Window {
    /** Loads the metadata chunk: ms to import it, and ms for the first parse after it. */
    benchLoad(): Promise<{ importMs: number; firstParseMs: number }>;
    /** Loads a tiny module the same way: the cost of a lazy import itself. */
    benchLoadTiny(): Promise<number>;
    /** Types `text` one character at a time; ms per keystroke for the mode's input handler. */
    benchType(text: string, mode: Mode): number[];
  }
}

const REFERENCE = { referenceDate: '2026-12-01', timeZone: 'America/New_York' };
let metadata: typeof Metadata | null = null;
const input = document.createElement('textarea');
const preview = document.createElement('output');
document.body.append(input, preview);

window.benchLoad = async () => {
  const started = performance.now();
  metadata = await import('../../packages/sdk/src/metadata/index.js');
  const imported = performance.now();
  metadata.parseFlightRequest('TEB-VNY Dec 12, 6 pax', REFERENCE);
  return { importMs: imported - started, firstParseMs: performance.now() - imported };
};

window.benchLoadTiny = async () => {
  const started = performance.now();
  await import('./tiny.js');
  return performance.now() - started;
};

/** What quick create shows: the title, each leg, and the choices when there are some. */
function renderDraft(draft: Metadata.FlightRequestDraft): void {
  const legs = draft.legs.map((leg) => `${leg.from}→${leg.to} ${leg.date ?? ''}`);
  const choices = (draft.ambiguities ?? []).map((ambiguity) =>
    ambiguity.choices.map((choice) => choice.label).join(' / '),
  );
  preview.textContent = [draft.title, ...legs, ...choices].join('\n');
}

window.benchType = (text, mode) => {
  const times: number[] = [];
  for (let length = 1; length <= text.length; length += 1) {
    input.value = text.slice(0, length);
    const started = performance.now();
    if (mode === 'parse' && metadata)
      renderDraft(metadata.parseFlightRequest(input.value, REFERENCE));
    else preview.textContent = input.value;
    // Layout included: the preview is on screen when the handler's work is done.
    preview.offsetHeight;
    times.push(performance.now() - started);
  }
  return times;
};
