/** What the card dialog's sections share: the section frame and the length check. */
import { h } from '../dom.js';

/** Counted in code points, as the server counts. */
export const tooLong = (text, max) => Array.from(text).length > max;

/** A titled section of the card dialog. */
export function section(titleKey, testid, ...children) {
  const id = `card-section-${testid}`;
  return h('section', { class: 'card-section', testid, 'aria-labelledby': id }, h('h3', { class: 'card-section-title', id, i18n: titleKey }), ...children);
}
