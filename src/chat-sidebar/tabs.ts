import { html, nothing, type TemplateResult } from 'lit';
import type { ChatSidebarStrings, SidebarTab } from './strings.js';

/** The sidebar's tabs, in order. */
export const TABS: readonly SidebarTab[] = ['active', 'completed', 'archived'];

export function isSidebarTab(tab: string): tab is SidebarTab {
  return (TABS as readonly string[]).includes(tab);
}

/** Each tab's count as shown, formatted; `count` answers undefined while a count is unknown. */
export function shownCounts(
  count: (tab: SidebarTab) => number | undefined,
  format: (value: number) => string,
): Partial<Record<SidebarTab, string>> {
  const counts: Partial<Record<SidebarTab, string>> = {};
  for (const tab of TABS) {
    const value = count(tab);
    if (value !== undefined) counts[tab] = format(value);
  }
  return counts;
}

/** What the tab list shows. Its roving focus is a `FocusGroupController` of the sidebar. */
export interface TabsView {
  readonly text: ChatSidebarStrings;
  /** The chosen tab (null: a list that is none of the tabs, e.g. the trash). */
  readonly chosen: SidebarTab | null;
  /** Each tab's count, formatted; absent while counts are unknown. */
  readonly counts: Partial<Record<SidebarTab, string>>;
  readonly onKeyDown: (event: KeyboardEvent) => void;
  readonly onChoose: (tab: SidebarTab) => void;
}

/** The Active · Completed · Archived tab list (`part="tabs"`), each tab with its count. */
export function renderTabs(view: TabsView): TemplateResult {
  return html`<div part="tabs" class="tabs" role="tablist" aria-label=${view.text.tabsLabel} @keydown=${view.onKeyDown}>
    ${TABS.map((tab) => {
      const chosen = tab === view.chosen;
      const count = view.counts[tab];
      return html`<button
        part=${chosen ? 'tab selected' : 'tab'}
        class="tab"
        type="button"
        role="tab"
        id=${`tab-${tab}`}
        aria-selected=${chosen ? 'true' : 'false'}
        aria-controls="panel"
        @click=${() => view.onChoose(tab)}
      >
        <span>${view.text.tabLabels[tab]}</span>
        ${count === undefined ? nothing : html`<span part="tab-count" class="tab-count">${count}</span>`}
      </button>`;
    })}
  </div>`;
}
