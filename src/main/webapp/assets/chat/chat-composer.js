/**
 * The composer: Enter sends, Shift+Enter breaks the line, "@" suggests the channel's readers
 * (mentions.js) and the message carries the ids of those it names, "/" suggests the workspace's
 * slash commands and "/word text" runs one (chat-commands.js), files and voice
 * (chat-attachments.js), the reply bar (chat-replies.js), and the server's word on mentions that
 * notified nobody.
 */
import { bind, t, tx } from '../i18n.js';
import { h } from '../dom.js';
import { listChannelReaders } from '../api.js';
import { attachMentions } from '../mentions.js';
import { attachmentsText, chatAttachments } from './chat-attachments.js';
import { chatCommands } from './chat-commands.js';
import { replyBar } from './chat-replies.js';
import { utf8Bytes } from './chat-text.js';

const TEXT_MAX_BYTES = 16_384;

/**
 * @param {object} o
 * @param {import('./chat-store.js').ChatWorkspace} o.chat
 * @param {string} o.channelId
 * @param {string} o.inputId
 * @param {() => string} o.titleText the conversation's name, for the placeholder
 * @param {(accountId: string) => string} o.nameOf
 * @param {(o: {stick?: boolean}) => void} o.renderMessages draws the sent message (pending) at the end
 */
export function chatComposer({ chat, channelId, inputId, titleText, nameOf, renderMessages }) {
  const input = h('textarea', { class: 'chat-input', rows: '1', testid: 'chat-input', id: inputId });
  bind(input, { attrs: { placeholder: () => t('chat.placeholder', { name: titleText() }), 'aria-label': tx('chat.inputLabel') } });
  const sendButton = h('button', { type: 'submit', class: 'btn btn-primary btn-sm', testid: 'chat-send', i18n: 'chat.send' });
  const reply = replyBar({ input, nameOf });
  const composeError = h('p', { class: 'chat-compose-error', role: 'alert', testid: 'chat-compose-error', hidden: true });
  // People a sent message named who do not read the channel (the server's answer): not notified; the writer is told.
  const mentionNotice = h('p', { class: 'mention-notice', role: 'status', testid: 'chat-mention-not-delivered', hidden: true });
  const row = h('div', { class: 'chat-compose-row' }, input, sendButton);
  const form = h('form', { class: 'chat-composer', testid: 'chat-composer' }, reply.el, row, composeError, mentionNotice);
  // "@" lists the channel's readers (mentions.js); the message carries the ids of those it names.
  const mentionPicker = attachMentions(input, { people: () => listChannelReaders(channelId), form: 'name', exclude: chat.me(), optionTestid: 'chat-suggestion' });
  // "/" at the start lists the workspace's commands; "/word text" runs one (chat-commands.js), its answers for me alone below the messages.
  const commands = chatCommands({ input, channelId, workspaceId: () => chat.workspaceId ?? chat.channels.get(channelId)?.workspaceId });
  let files = null;

  /** The channel's readers and the workspace's members the text names, matched together (the server tells who was not notified). */
  function mentionsIn(text) {
    return mentionPicker.mentionedIn(text, [...chat.members.values()]);
  }

  /** Whether text may be sent (or saved): not empty unless files go with it, not too long (then it says so). */
  function validate(text, withFiles = false) {
    if (!text.trim() && !withFiles) return false;
    if (utf8Bytes(text) > TEXT_MAX_BYTES) {
      composeError.hidden = false;
      bind(composeError, { text: tx('chat.tooLong') });
      return false;
    }
    composeError.hidden = true;
    return true;
  }

  /** Sends text and files; a message of files only shows their names as its (required) text. */
  function post(text, attachments = []) {
    const body = text.trim() ? text : attachmentsText(attachments.map((f) => f.name));
    const mentions = mentionsIn(text);
    mentionNotice.hidden = true;
    chat.send(channelId, { text: body, mentions, parentId: reply.parentId(), attachments });
  }

  /** The server's word that a send's mentions did not notify these people: they cannot read the channel. */
  function tellNotDelivered(people) {
    const names = people.map((p) => p.displayName).filter(Boolean);
    if (!names.length) return;
    mentionNotice.replaceChildren(bind(h('span'), { text: tx('chat.mentionNotDelivered', { names: names.join(', ') }) }));
    mentionNotice.hidden = false;
  }

  function submit() {
    const text = input.value;
    if (files.busy()) {
      files.say(tx('chatFiles.waitForUploads'));
      return;
    }
    if (commands.isCommand(text) && !files.ready()) {
      commands.run(text);
      input.value = '';
      autosize();
      return;
    }
    if (!validate(commands.literal(text), files.ready())) return;
    post(commands.literal(text), files.take());
    input.value = '';
    autosize();
    reply.end();
    mentionPicker.close();
    renderMessages({ stick: true });
  }

  function autosize() {
    input.style.height = 'auto';
    input.style.height = `${Math.min(input.scrollHeight, 160)}px`;
  }

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && reply.active()) {
      reply.end();
    }
  });
  input.addEventListener('input', () => {
    autosize();
    if (input.value.trim()) chat.typingIn(channelId);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });

  return {
    form,
    input,
    /** The slash commands' answers, for me alone (placed below the messages). */
    commandAnswers: commands.el,
    validate,
    mentionsIn,
    /** Waits until the channel's readers are known (mentionsIn matches them). */
    loadMentions: () => mentionPicker.load(),
    tellNotDelivered,
    /** The placeholder names the conversation: drawn again when its name changes. */
    refreshPlaceholder: () => bind(input, {}),
    startReply: (message) => reply.start(message),
    /**
     * Files and voice (chat-attachments.js): its buttons in the composer's row, its uploads above
     * the text; files may be dropped anywhere on dropTarget (the panel).
     */
    attachFiles(dropTarget) {
      files = chatAttachments({ chat, channelId, dropTarget, input, sendVoice: (attachments) => post('', attachments) });
      row.prepend(files.tools);
      form.insertBefore(files.tray, row);
      return files;
    },
    files: () => files,
    cleanup() {
      mentionPicker.detach();
      commands.detach();
      files?.cleanup();
    },
  };
}
