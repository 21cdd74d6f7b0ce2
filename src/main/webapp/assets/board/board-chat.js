/**
 * The board's channel beside the lists (docs/chat.md: created on first use), opened and closed by
 * the header's Chat button.
 */
import * as api from '../api.js';
import { tx } from '../i18n.js';
import { describeError } from '../forms.js';
import { currentChat } from '../chat/chat-store.js';
import { chatPanel } from '../chat/chat-panel.js';
import { statusLine } from '../views/ui.js';

/**
 * @param {object} o
 * @param {string} o.boardId
 * @param {HTMLElement} o.side the aside the chat shows in
 * @param {HTMLElement} o.header the board's header (its Chat button closes the chat)
 * @param {() => boolean} o.alive false once the board page is gone
 * @param {() => string|null} o.role my role in the workspace
 * @param {() => string|null} o.boardName
 * @param {(accountId: string) => string|null} o.personName
 * @returns {{toggle: () => Promise<void>, cleanup: () => void}}
 */
export function boardChat({ boardId, side, header, alive, role, boardName, personName }) {
  let chat = null; // {panel, channelId} while the board's chat is open
  const toggleButton = () => header.querySelector('[data-testid="board-chat-toggle"]');

  function close() {
    side.hidden = true;
    chat?.panel.cleanup();
    chat = null;
    side.replaceChildren();
  }

  async function open() {
    side.hidden = false;
    const status = statusLine('board-chat-status');
    side.replaceChildren(status.el);
    status.set(tx('common.loading'));
    try {
      const view = await api.getBoardChannel(boardId);
      const store = currentChat();
      if (!alive() || side.hidden || !store) return;
      store.adopt(view);
      const panel = chatPanel({
        chat: store,
        channelId: view.id,
        role,
        boardName,
        personName,
        onClose: () => toggleButton()?.click(),
        // On a phone the chat covers the board; back closes it and returns to the button that opened it.
        back: () => {
          const toggle = toggleButton();
          toggle?.click();
          toggle?.focus();
        },
      });
      chat = { panel, channelId: view.id };
      side.replaceChildren(panel.el);
      panel.focus();
    } catch (err) {
      if (!alive() || err.sessionEnded) return;
      status.set(describeError(err), { variant: 'error' });
    }
  }

  return {
    toggle: () => (side.hidden ? open() : Promise.resolve(close())),
    cleanup: () => chat?.panel.cleanup(),
  };
}
