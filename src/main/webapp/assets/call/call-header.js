/**
 * A conversation header's part of calls (board channels, direct and group conversations alike):
 * the call button, and while a call runs in the conversation, a bar with who is in it and Join.
 * Both open the call screen (calls.js): the button starts a call (everyone else in the
 * conversation is rung), Join joins the running one. The state comes from channel-calls.js.
 */
import { bind, getLanguage, t } from '../i18n.js';
import { h, initialOf } from '../dom.js';
import { openCall } from './calls.js';
import { watchChannelCall } from './channel-calls.js';
import { icon } from './icons.js';

const NAMED = 3; // names shown before "and N more"

/**
 * @param {string} channelId
 * @returns {{button: HTMLElement, bar: HTMLElement, cleanup: () => void}}
 */
export function callHeader(channelId) {
  let call = null;

  const button = h(
    'button',
    { type: 'button', class: 'btn btn-secondary btn-sm call-header-start', testid: 'call-header-start', i18nAttrs: { title: 'call.header.start' } },
    icon('video'),
    h('span', { i18n: 'call.header.call' }),
  );
  button.addEventListener('click', () => openCall(channelId));

  const names = h('span', { class: 'call-bar-people', testid: 'call-bar-people' });
  const faces = h('span', { class: 'call-bar-faces', 'aria-hidden': 'true' });
  const join = h(
    'button',
    { type: 'button', class: 'btn btn-primary btn-sm call-bar-join', testid: 'call-bar-join' },
    icon('video'),
    h('span', { i18n: 'call.header.join' }),
  );
  join.addEventListener('click', () => call && openCall(channelId, { callId: call.id }));
  const bar = h(
    'div',
    { class: 'call-bar', role: 'group', testid: 'call-bar', hidden: true },
    h('span', { class: 'call-bar-live', 'aria-hidden': 'true' }),
    h('span', { class: 'call-bar-text' }, h('strong', { class: 'call-bar-title', i18n: 'call.header.live' }), names),
    faces,
    join,
  );

  function render() {
    bar.hidden = !call;
    button.hidden = Boolean(call); // Join is the way in while a call runs
    if (!call) {
      bar.removeAttribute('data-call-id');
      return;
    }
    bar.dataset.callId = call.id;
    const people = call.participants.length ? call.participants : [{ accountId: call.startedBy, displayName: call.startedByName }];
    const text = () => peopleText(people.map((p) => p.displayName || t('common.someone')));
    bind(names, { text });
    bind(bar, { attrs: { 'aria-label': () => t('call.header.label', { people: text() }) } });
    faces.replaceChildren(
      ...people.slice(0, NAMED).map((p) => h('span', { class: 'avatar avatar-sm call-bar-face', text: initialOf(p.displayName) })),
    );
  }

  const off = watchChannelCall(channelId, (next) => {
    call = next;
    render();
  });
  render();
  return { button, bar, cleanup: off };
}

/** "Mina and Joon", "Mina, Joon and Sora", "Mina, Joon and 3 more" (Korean alike). */
function peopleText(list) {
  if (list.length > NAMED) {
    return t('call.header.more', { names: listFormat(list.slice(0, NAMED - 1)), count: list.length - (NAMED - 1) });
  }
  return listFormat(list);
}

function listFormat(list) {
  try {
    return new Intl.ListFormat(getLanguage(), { style: 'long', type: 'conjunction' }).format(list);
  } catch {
    return list.join(', ');
  }
}
