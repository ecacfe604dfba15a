import { a11ySnapshot } from '@web/test-runner-commands';

/** A node of Chromium's accessibility tree, as puppeteer's snapshot reports it. */
export interface AccessibleNode {
  role: string;
  name?: string;
  description?: string;
  selected?: boolean;
  focused?: boolean;
  children?: AccessibleNode[];
}

let nextId = 0;

/**
 * What Chromium's accessibility tree says about `element` (role, computed name, description,
 * selected): the real computed result, including what the element sets through ElementInternals,
 * which axe can't see.
 */
export async function accessibleNode(element: Element): Promise<AccessibleNode> {
  if (!element.id) element.id = `a11y-probe-${(nextId += 1)}`;
  // The command's declared return type is void; it resolves with the snapshot.
  // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- typed void, resolves with the snapshot
  const snapshot = (await a11ySnapshot({
    selector: `#${element.id}`,
  })) as unknown as AccessibleNode | null;
  if (!snapshot) throw new Error(`#${element.id} is not in the accessibility tree`);
  return snapshot;
}

/** The element focused, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
