/**
 * One conversation, put together from its parts; the state lives in chat-store.js, the parts
 * only draw it:
 * - chat-header.js: the conversation's name and people, the call button and running call
 *   (call/call-header.js), a workspace channel's topic and settings (channel-dialogs.js);
 * - chat-message-list.js: the messages (older pages load when scrolling to the top, the scroll
 *   position kept), read markers, "New messages below"; chat-message.js draws one message,
 *   with chat-replies.js (the quote a reply shows), chat-reactions.js and
 *   chat-message-actions.js (react, reply, edit, delete); chat-editor.js edits one in place;
 * - chat-presence.js: presence dots, who is typing, the "Reconnecting…" banner;
 * - chat-composer.js: the composer (Enter sends, Shift+Enter breaks the line, "@" suggests
 *   people, "/" suggests the workspace's slash commands: chat-commands.js), replies, files and
 *   voice (chat-attachments.js).
 *
 * Text is never parsed as HTML (chat-text.js).
 */
import { t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { callHeader } from '../call/call-header.js';
import { workspaceChannelExtras } from './channel-dialogs.js';
import { chatHeader } from './chat-header.js';
import { chatComposer } from './chat-composer.js';
import { messageList } from './chat-message-list.js';
import { messageItems } from './chat-message.js';
import { messageEditor } from './chat-editor.js';
import { connectionBanner, refreshPresence, typingLine } from './chat-presence.js';

export { presenceDot, setPresence } from './chat-presence.js';
export { channelTitle } from './chat-header.js';
export { messageNodes } from './chat-text.js';

let panelSeq = 0;

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {string} o.channelId
 * @param {() => string|null} [o.boardName]
 * @param {() => string|null} [o.role] my role in the workspace
 * @param {number|null} [o.focusSequence] scroll to and mark this message (a notification's ?seq=)
 * @param {(accountId: string) => string|null} [o.personName] names the store does not know (a guest's board)
 * @param {(() => void)|null} [o.onClose] shows a close button
 * @param {string|(() => void)|null} [o.back] a back button (a link, or what it does), shown on phones where the conversation takes the whole screen
 * @returns {{el: HTMLElement, focus: () => void, show: (sequence: number) => void, cleanup: () => void}}
 */
export function chatPanel({ chat, channelId, boardName = () => null, role = () => null, focusSequence = null, personName = () => null, onClose = null, back = null }) {
  const id = `chat-${++panelSeq}`;
  const titleId = `${id}-title`;
  let alive = true;
  const channel = () => chat.channels.get(channelId);
  const nameOf = (accountId) => chat.nameOf(accountId) ?? personName(accountId) ?? t('common.someone');
  const mayDeleteAny = () => ['BOARD', 'WORKSPACE'].includes(channel()?.kind) && ['OWNER', 'MANAGER'].includes(role());

  let header = null;
  const banner = connectionBanner(chat);
  const items = messageItems({
    chat,
    timeline: () => chat.timeline(channelId),
    nameOf,
    files: () => composer.files(),
    editing: () => editor.editing(),
    highlight: (sequence) => messages.highlight(sequence),
    mayDeleteAny,
    onReply: (message) => composer.startReply(message),
    onEdit: (message) => editor.start(message),
  });
  const messages = messageList({ chat, channelId, titleId, alive: () => alive, items });
  const typing = typingLine({ chat, channelId, nameOf });
  const composer = chatComposer({ chat, channelId, inputId: `${id}-input`, titleText: () => header?.title.textContent ?? '', nameOf, renderMessages: messages.render });
  messages.scroller.append(composer.commandAnswers);
  const editor = messageEditor({ chat, list: messages.list, composer, renderMessages: messages.render });

  const calls = callHeader(channelId);
  const named = workspaceChannelExtras(chat, channelId, composer.form, role);
  header = chatHeader({ chat, channel, boardName, nameOf, titleId, named, calls, onClose, back });

  const el = h(
    'section',
    { class: 'chat-panel', testid: 'chat-panel', 'aria-labelledby': titleId, dataset: { channelId } },
    header.el,
    calls.bar,
    banner.el,
    h('div', { class: 'chat-body' }, messages.scroller, messages.jump),
    typing.el,
    named.notice,
    composer.form,
  );
  composer.attachFiles(el);

  function renderHeader() {
    header.render();
    composer.refreshPlaceholder();
  }

  const off = chat.onChange((event) => {
    if (!alive) return;
    if (event.type === 'connection') banner.render();
    else if (event.type === 'presence') refreshPresence(el, chat);
    else if (event.type === 'members') {
      items.forget();
      renderHeader();
      messages.render();
    } else if (event.type === 'channels') renderHeader();
    else if (event.type === 'typing' && event.channelId === channelId) typing.render();
    else if (event.type === 'mentions-not-delivered' && event.channelId === channelId) composer.tellNotDelivered(event.people);
    else if (event.type === 'timeline' && event.channelId === channelId) onTimeline(event);
  });

  function onTimeline(event) {
    if (event.gone) {
      messages.say(tx('chat.gone'));
      composer.form.hidden = true;
      return;
    }
    const mineLive = event.live && chat.timeline(channelId).messages.get(event.sequence)?.senderId === chat.me();
    const wasAtBottom = messages.render({ stick: mineLive });
    if (event.live && !wasAtBottom && !mineLive) messages.showJump();
    typing.render();
    messages.maybeRead();
  }

  let focusSeq = focusSequence;
  /** The first page; then, for a notification's ?seq=, older pages until that message is there, shown. */
  async function load() {
    await chat.load(channelId);
    if (!alive) return;
    messages.render({ stick: true });
    const timeline = () => chat.timeline(channelId);
    for (let i = 0; focusSeq && i < 20 && !timeline().messages.has(focusSeq) && timeline().moreBefore; i++) {
      await chat.loadOlder(channelId);
      if (!alive) return;
      messages.render();
    }
    if (focusSeq) messages.highlight(focusSeq);
    focusSeq = null;
    messages.maybeRead();
  }

  renderHeader();
  banner.render();
  typing.render();
  messages.say(tx('common.loading'));
  load().catch((err) => {
    if (!alive || err.sessionEnded) return;
    messages.say(err.status === 404 ? tx('chat.gone') : tx('chat.loadFailed'));
    if (err.status === 404) composer.form.hidden = true;
  });

  return {
    el,
    focus: () => composer.input.focus(),
    /** Shows a given message (another notification for the same conversation). */
    show(sequence) {
      if (!messages.highlight(sequence)) {
        focusSeq = sequence;
      }
    },
    cleanup() {
      alive = false;
      banner.cleanup();
      calls.cleanup();
      named.cleanup();
      composer.cleanup();
      off();
      messages.cleanup();
    },
  };
}
