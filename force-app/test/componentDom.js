/*
 * What the component tests share to mount a component in jsdom, let it settle and read what a
 * user sees in its shadow DOM. Imported by relative path from `lwc/<cmp>/__tests__/`; kept out of
 * deploys with the rest of force-app/test (.forceignore).
 */
import { createElement } from 'lwc';

/** Lets wire emissions, promise chains and re-renders settle: `rounds` turns of the microtask queue. */
export async function flush(rounds = 10) {
  for (let i = 0; i < rounds; i += 1) {
    // eslint-disable-next-line no-await-in-loop
    await Promise.resolve();
  }
}

/** Creates `tag` as `Component`, sets its public properties in the given order and attaches it. */
export function mount(tag, Component, props = {}) {
  const element = createElement(tag, { is: Component });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

/** Removes every mounted component (for afterEach). */
export function unmountAll() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}

/** Fakes the clock at `now` (an ISO instant) while promises still resolve. */
export function useFakeClock(now) {
  jest.useFakeTimers({ now: new Date(now), doNotFake: ['nextTick', 'queueMicrotask'] });
}

export const $ = (element, selector) => element.shadowRoot.querySelector(selector);

const squash = (text) => text.replace(/\s+/g, ' ').trim();

/** The text of each match of `selector`, white space squashed. */
export const texts = (element, selector) =>
  [...element.shadowRoot.querySelectorAll(selector)].map((n) => squash(n.textContent));

// The text a rep reads, including what child components (lightning-formatted-date-time) render.
function deepText(node) {
  if (node.nodeType === 3) {
    return node.textContent;
  }
  const children = [...(node.shadowRoot ? node.shadowRoot.childNodes : []), ...node.childNodes];
  return children.map(deepText).join('');
}

/** Like `texts`, descending into child components' shadow roots. */
export const deepTexts = (element, selector) =>
  [...element.shadowRoot.querySelectorAll(selector)].map((n) => squash(deepText(n)));
