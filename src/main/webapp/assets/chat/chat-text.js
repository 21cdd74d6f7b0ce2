/**
 * A chat message's text as DOM nodes, and the small text measures the panel needs.
 *
 * Text is never parsed as HTML: it is split into text nodes, mention spans and links
 * (http/https only) built with createElement.
 */
import { h } from '../dom.js';
import { safeUrl } from '../markdown.js';

const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Message text as nodes: mentions of channel readers highlighted (mine more), bare links.
 * @returns {Node[]}
 */
export function messageNodes(text, mentionNames, meName) {
  const names = [...new Set(mentionNames.filter(Boolean))].sort((a, b) => b.length - a.length);
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`${escaped.length ? `@(?:${escaped.join('|')})|` : ''}${URL_PATTERN.source}`, 'g');
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push(document.createTextNode(text.slice(last, match.index)));
    const token = match[0];
    if (token.startsWith('@')) {
      const mine = token.slice(1) === meName;
      nodes.push(h('span', { class: `mention${mine ? ' mention-me' : ''}`, testid: mine ? 'mention-me' : 'mention', text: token }));
    } else {
      const url = safeUrl(token);
      nodes.push(url ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer nofollow ugc', text: token }) : document.createTextNode(token));
    }
    last = match.index + token.length;
  }
  if (last < text.length) nodes.push(document.createTextNode(text.slice(last)));
  return nodes;
}

/** The text's size as sent (the server counts UTF-8 bytes). */
export function utf8Bytes(text) {
  return new TextEncoder().encode(text).length;
}

/** The text on one line, cut to max characters with "…". */
export function excerpt(text, max = 80) {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}
