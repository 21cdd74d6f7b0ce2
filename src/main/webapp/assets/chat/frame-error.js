/** How the chat panel tells of a chat frame the server refused (or that got no answer). */
import { tx } from '../i18n.js';
import { toastError } from '../views/ui.js';
import { showToast } from '../views/common.js';

/** A refused chat frame (or one that got no answer) as an error toast. */
export function frameError(err) {
  if (err?.sessionEnded) return;
  if (err?.name !== 'FrameError') {
    toastError(err);
    return;
  }
  const offline = ['disconnected', 'timeout'].includes(err.type);
  const detail = err.problem?.detail;
  showToast(offline ? tx('chat.offline') : detail ? () => detail : tx('error.generic'), { variant: 'error' });
}
