// Baseline: the sidebar's cards (the same elements, with the attributes the sidebar gives them)
// in a Lit `repeat` list without virtualization: every session of the tab has its card in the
// DOM. Fed by the same store through the project's StoreController. Only `aria-posinset` and
// `aria-setsize` are left out: the sidebar needs them because most of its options are not in the
// DOM; here every option is, and the browser counts them itself (setting them would also touch
// every card after an insertion, a cost a list like this need not pay).
import { css, html, LitElement, ReactiveElement } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ListTab, Session } from '@chat-sessions/sdk';
import '../../../src/flight-request-card/define.js';
import '../../../src/general-chat-card/define.js';
import { StoreController } from '../../../src/controllers/store-controller.js';
import type { SessionListView } from '../../../src/controllers/session-list-source.js';
import { frozenClock } from './fixture.js';
import { installBenchPage, type ListUnderTest, type Viewport } from './harness.js';
import type { InMemorySessionList } from './session-list.js';
import { allRowsProblems, visibleRowsFrom } from './rows-in-dom.js';

const EXPORTED_PARTS = 'base:card-base,title:card-title,unread-badge:card-unread-badge';

/** A session list rendered with `repeat`, every card in the DOM. */
class RepeatSessionList extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex: 1 1 auto;
      min-height: 0;
    }
    .list {
      flex: 1 1 auto;
      overflow: auto;
      padding: 12px;
    }
    .card {
      margin-bottom: 6px;
    }
  `;

  readonly sessions = new StoreController<SessionListView>(this);

  override render() {
    const items = this.sessions.snapshot?.items ?? [];
    return html`<div class="list" role="listbox" aria-label="Sessions">
      ${repeat(
        items,
        (session) => session.id,
        (session, index) => this.renderCard(session, index),
      )}
    </div>`;
  }

  private renderCard(session: Session, index: number) {
    return session.kind === 'flight_request'
      ? html`<flight-request-card
          part="card"
          exportparts=${EXPORTED_PARTS}
          class="card"
          interaction="option"
          data-session-id=${session.id}
          tabindex=${index === 0 ? '0' : '-1'}
          aria-selected="false"
          .session=${session}
          .selected=${false}
          .locale=${'en-GB'}
          .clock=${frozenClock}
        ></flight-request-card>`
      : html`<general-chat-card
          part="card"
          exportparts=${EXPORTED_PARTS}
          class="card"
          interaction="option"
          data-session-id=${session.id}
          tabindex=${index === 0 ? '0' : '-1'}
          aria-selected="false"
          .session=${session}
          .selected=${false}
          .locale=${'en-GB'}
          .clock=${frozenClock}
        ></general-chat-card>`;
  }
}
customElements.define('bench-repeat-list', RepeatSessionList);

function rendered(element: Element): boolean {
  return !(element instanceof ReactiveElement) || (element.hasUpdated && !element.isUpdatePending);
}

function badgeOf(card: Element): string {
  return card.shadowRoot?.querySelector('[part~="unread-badge"]')?.textContent?.trim() ?? '';
}

class RepeatListUnderTest implements ListUnderTest {
  private element: RepeatSessionList | null = null;

  mount(box: HTMLElement, list: InMemorySessionList): void {
    const element = new RepeatSessionList();
    element.sessions.store = list;
    box.append(element);
    this.element = element;
  }

  unmount(): void {
    this.element?.remove();
    this.element = null;
  }

  showTab(tab: ListTab, list: InMemorySessionList): void {
    list.setTab(tab);
  }

  private scroller(): HTMLElement | null {
    const element = this.element;
    if (!element || !rendered(element)) return null;
    return element.shadowRoot?.querySelector<HTMLElement>('.list') ?? null;
  }

  viewport(): Viewport {
    const scroller = this.scroller();
    return scroller ? visibleRowsFrom(scroller, rendered, badgeOf) : { rows: [], complete: false };
  }

  verify(expected: readonly Session[]): Promise<string[]> {
    const scroller = this.scroller();
    return Promise.resolve(
      scroller ? allRowsProblems(scroller, expected, badgeOf) : ['the list is not rendered'],
    );
  }
}

installBenchPage(new RepeatListUnderTest());
