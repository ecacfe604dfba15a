// A card's shadow DOM, described as data and patched in place. Cards are the one thing a list
// renders dozens of, so they skip lit-html: its templates leave a comment marker per binding
// (a full flight-request card had 109 nodes, 40 of them markers and icon paths). Patched by
// hand, the same card is about 30 nodes (issue #16: ≤ 35). Every value is set as text or as an
// attribute, never parsed as HTML, so user text stays inert.

/** One element of a card, as data. A falsy entry in `children` renders nothing. */
export interface CardElement {
  readonly tag: 'div' | 'span' | 'time';
  readonly part?: string;
  readonly className?: string;
  /** Other attributes (`title`, `datetime`, `data-*`, `aria-hidden`); empty values are removed. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** The element's text (when it has no element children). */
  readonly text?: string;
  readonly children?: readonly CardChild[];
}

/** A child slot: an element, or nothing. */
export type CardChild = CardElement | null | false | '' | undefined;

/** The attributes each element got from its last description, to remove the ones dropped since. */
const setAttributes = new WeakMap<Element, readonly string[]>();

/**
 * Makes `parent`'s element children match `children`, reusing an element where tag, part and
 * class match, creating or removing the rest. `<style>` children (styles in browsers without
 * adopted style sheets) are left alone.
 */
export function patchCard(
  parent: Element | DocumentFragment,
  children: readonly CardChild[],
): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType !== Node.ELEMENT_NODE) node.remove();
  }
  let current = nextElement(parent.firstElementChild);
  for (const wanted of children) {
    if (!wanted) continue;
    let element: Element;
    if (current && matches(current, wanted)) {
      element = current;
      current = nextElement(current.nextElementSibling);
    } else {
      element = document.createElement(wanted.tag);
      parent.insertBefore(element, current);
    }
    apply(element, wanted);
  }
  while (current) {
    const next = nextElement(current.nextElementSibling);
    current.remove();
    current = next;
  }
}

function nextElement(element: Element | null): Element | null {
  let candidate = element;
  while (candidate?.localName === 'style') candidate = candidate.nextElementSibling;
  return candidate;
}

function matches(element: Element, wanted: CardElement): boolean {
  return (
    element.localName === wanted.tag &&
    element.getAttribute('part') === (wanted.part ?? null) &&
    element.getAttribute('class') === (wanted.className ?? null)
  );
}

function apply(element: Element, wanted: CardElement): void {
  setAttribute(element, 'part', wanted.part);
  setAttribute(element, 'class', wanted.className);
  const names = wanted.attributes ? Object.keys(wanted.attributes) : [];
  for (const name of setAttributes.get(element) ?? []) {
    if (!names.includes(name)) element.removeAttribute(name);
  }
  for (const name of names) setAttribute(element, name, wanted.attributes?.[name]);
  setAttributes.set(element, names);
  if (wanted.children) {
    patchCard(element, wanted.children);
  } else if (element.firstElementChild || element.textContent !== (wanted.text ?? '')) {
    element.textContent = wanted.text ?? '';
  }
}

function setAttribute(element: Element, name: string, value: string | undefined): void {
  if (!value) {
    element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
