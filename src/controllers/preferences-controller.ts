import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { chatPreferencesContext } from '../context.js';
import { sharedClock } from '../internal/clock.js';
import { resolveStrings } from '../internal/strings.js';
import type { ChatPreferences, ChatStringFamilies } from '../preferences.js';
import type { Clock, StringsOverride } from '../types.js';

/**
 * The locale, clock and strings an element uses: its own property when set, else what the
 * nearest `<chat-sessions-provider>` supplies, else the defaults. The host re-renders when the
 * provider's preferences change. Resolved strings are memoized, so an unchanged pair of overrides
 * keeps its object identity (children given `.strings=` don't re-render for nothing).
 */
export class PreferencesController<
  Family extends keyof ChatStringFamilies,
> implements ReactiveController {
  private readonly consumer: ContextConsumer<
    typeof chatPreferencesContext,
    HTMLElement & ReactiveControllerHost
  >;
  private memo: {
    defaults: ChatStringFamilies[Family];
    provided: StringsOverride<ChatStringFamilies[Family]> | undefined;
    own: StringsOverride<ChatStringFamilies[Family]> | null | undefined;
    value: ChatStringFamilies[Family];
  } | null = null;

  constructor(
    host: HTMLElement & ReactiveControllerHost,
    private readonly family: Family,
  ) {
    this.consumer = new ContextConsumer(host, {
      context: chatPreferencesContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
    host.addController(this);
  }

  hostConnected(): void {}

  /** What the provider supplies (undefined outside a provider). */
  get provided(): ChatPreferences | undefined {
    return this.consumer.value;
  }

  /** The element's strings: defaults, then the provider's for this family, then its own. */
  strings(
    defaults: ChatStringFamilies[Family],
    own: StringsOverride<ChatStringFamilies[Family]> | null | undefined,
  ): ChatStringFamilies[Family] {
    const provided = this.provided?.strings?.[this.family];
    const memo = this.memo;
    if (memo && memo.defaults === defaults && memo.provided === provided && memo.own === own) {
      return memo.value;
    }
    const value = resolveStrings(resolveStrings(defaults, provided), own);
    this.memo = { defaults, provided, own, value };
    return value;
  }

  /** The locale to format with: the element's own, else the provider's, else the viewer's. */
  locale(own: string): string | undefined {
    return own || this.provided?.locale || undefined;
  }

  /** The clock: the element's own when it was given one, else the provider's, else the shared one. */
  clock(own: Clock): Clock {
    return own !== sharedClock ? own : (this.provided?.clock ?? sharedClock);
  }
}
