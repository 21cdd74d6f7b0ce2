/**
 * A small Markdown renderer for card descriptions and comments that is safe
 * by construction: it never parses HTML. It builds DOM nodes with
 * createElement/textContent, so any "<script>", "<img onerror>" or entity in
 * the text shows up as the literal characters typed.
 *
 * Supported subset: paragraphs (single line breaks kept), headings, block
 * quotes, ordered/unordered/task lists (nested by indentation), fenced code
 * blocks, horizontal rules; inline code, **bold**, *italic*, ~~strike~~,
 * [links](https://…) and bare https:// links (http, https and mailto only;
 * anything else stays text), images as plain links (nothing is loaded), and
 * mentions written @[Name](accountId).
 */

import { icon } from './icons.js';

const MAX_DEPTH = 8;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (name === 'text') node.textContent = value;
    else if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** The URL when it is http(s)/mailto (absolute, or relative to this page), else null. */
export function safeUrl(raw) {
  const text = String(raw ?? '').trim();
  if (!text || /[\u0000-\u001f\s]/.test(text)) return null;
  try {
    const url = new URL(text, location.href);
    return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function link(href, children) {
  const a = el('a', { href, rel: 'noopener noreferrer nofollow ugc', target: '_blank' });
  a.append(...children);
  return a;
}

// ---------------------------------------------------------------------------
// Inline

// One alternation; the first group that matched decides the token.
const INLINE = new RegExp(
  [
    /\\([\\`*_{}[\]()#+\-.!~>@|])/.source, // 1 escape
    /(`+)([^`]|[^`][\s\S]*?[^`])\2(?!`)/.source, // 2,3 code span
    /@\[([^\]\n]{1,200})\]\(([0-9A-Za-z-]{1,64})\)/.source, // 4,5 mention
    /(!?)\[([^\]\n]{0,1000})\]\(\s*([^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+"[^"\n]*")?\s*\)/.source, // 6,7,8 link / image
    /(\*\*|__)(?=\S)([\s\S]*?\S)\9/.source, // 9,10 strong
    /(?<![\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/.source, // 11 em with _
    /\*(?=[^\s*])([\s\S]*?[^\s*])\*/.source, // 12 em with *
    /~~(?=\S)([\s\S]*?\S)~~/.source, // 13 strike
    /\b((?:https?:\/\/|mailto:)[^\s<>"]*[^\s<>".,:;'!?)\]])/.source, // 14 bare link
  ].join('|'),
  'gu',
);

/** Appends the inline rendering of text to parent. */
function inline(text, parent, depth = 0) {
  if (depth > MAX_DEPTH) {
    parent.append(text);
    return;
  }
  const re = new RegExp(INLINE.source, INLINE.flags);
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) appendText(parent, text.slice(last, m.index));
    last = re.lastIndex;
    if (m[1] !== undefined) {
      parent.append(m[1]);
    } else if (m[2] !== undefined) {
      parent.append(el('code', { text: m[3].replace(/^ (.*) $/s, '$1') }));
    } else if (m[4] !== undefined) {
      parent.append(el('span', { className: 'mention', 'data-account-id': m[5], text: `@${m[4]}` }));
    } else if (m[7] !== undefined) {
      const href = safeUrl(m[8]);
      const label = m[7] || m[8];
      if (!href) {
        appendText(parent, m[0]);
      } else if (m[6] === '!') {
        // Images are not loaded (no tracking pixels, no external requests): a link instead.
        parent.append(link(href, [el('span', { className: 'md-image-icon', 'aria-hidden': 'true' }, [icon('image', { size: 14 })]), ` ${label || href}`]));
      } else {
        const a = link(href, []);
        inline(label, a, depth + 1);
        parent.append(a);
      }
    } else if (m[10] !== undefined) {
      const strong = el('strong');
      inline(m[10], strong, depth + 1);
      parent.append(strong);
    } else if (m[11] !== undefined || m[12] !== undefined) {
      const em = el('em');
      inline(m[11] ?? m[12], em, depth + 1);
      parent.append(em);
    } else if (m[13] !== undefined) {
      const del = el('del');
      inline(m[13], del, depth + 1);
      parent.append(del);
    } else if (m[14] !== undefined) {
      const href = safeUrl(m[14]);
      parent.append(href ? link(href, [m[14]]) : m[14]);
    }
    if (re.lastIndex === m.index) re.lastIndex++; // never loop on an empty match
  }
  if (last < text.length) appendText(parent, text.slice(last));
}

/** Text with its line breaks kept as <br>. */
function appendText(parent, text) {
  const parts = text.split('\n');
  parts.forEach((part, i) => {
    if (i > 0) parent.append(el('br'));
    if (part) parent.append(part);
  });
}

// ---------------------------------------------------------------------------
// Blocks

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+-]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?\s*#*\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,12})([-*+]|\d{1,9}[.)])\s+(.*)$/;

function isBlockStart(line) {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line);
}

function blocks(lines, parent, depth) {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    let m;
    if ((m = FENCE.exec(line))) {
      const fence = m[1];
      const code = [];
      i++;
      const closes = (l) => {
        const t = l.trim();
        return t.length >= fence.length && t === fence[0].repeat(t.length);
      };
      while (i < lines.length && !closes(lines[i])) {
        code.push(lines[i]);
        i++;
      }
      i++; // the closing fence (or the end)
      const codeEl = el('code', { text: code.join('\n') });
      if (m[2]) codeEl.dataset.lang = m[2];
      parent.append(el('pre', {}, [codeEl]));
      continue;
    }
    if (RULE.test(line)) {
      parent.append(el('hr'));
      i++;
      continue;
    }
    if ((m = HEADING.exec(line))) {
      // Headings inside a card stay small: # → h3 … ###### → h6.
      const level = Math.min(6, m[1].length + 2);
      const heading = el(`h${level}`);
      inline(m[2] ?? '', heading, depth);
      parent.append(heading);
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted = [];
      while (i < lines.length && lines[i].trim() && (m = QUOTE.exec(lines[i]))) {
        quoted.push(m[1]);
        i++;
      }
      const quote = el('blockquote');
      if (depth < MAX_DEPTH) blocks(quoted, quote, depth + 1);
      else quote.append(quoted.join('\n'));
      parent.append(quote);
      continue;
    }
    if ((m = ITEM.exec(line))) {
      i = list(lines, i, parent, depth);
      continue;
    }
    // A paragraph: lines up to a blank line or the start of another block.
    const para = [line.trim()];
    i++;
    while (i < lines.length && lines[i].trim() && !isBlockStart(lines[i])) {
      para.push(lines[i].trim());
      i++;
    }
    const p = el('p');
    inline(para.join('\n'), p, depth);
    parent.append(p);
  }
}

/** A list starting at lines[start]; returns the index after it. */
function list(lines, start, parent, depth) {
  const first = ITEM.exec(lines[start]);
  const indent = first[1].length;
  const ordered = /\d/.test(first[2]);
  const listEl = el(ordered ? 'ol' : 'ul');
  if (ordered) {
    const number = parseInt(first[2], 10);
    if (number !== 1) listEl.setAttribute('start', String(number));
  }
  let i = start;
  while (i < lines.length) {
    const m = ITEM.exec(lines[i]);
    if (!m || m[1].length !== indent || /\d/.test(m[2]) !== ordered) break;
    const content = [m[3]];
    const contentIndent = indent + m[2].length + 1;
    i++;
    // Continuation: indented lines (nested lists included), and lazy paragraph lines.
    while (i < lines.length) {
      const next = lines[i];
      if (!next.trim()) {
        // A blank line ends the item unless more indented content follows.
        if (i + 1 < lines.length && /^\s+/.test(lines[i + 1]) && leading(lines[i + 1]) > indent) {
          content.push('');
          i++;
          continue;
        }
        break;
      }
      const nm = ITEM.exec(next);
      if (nm && nm[1].length <= indent) break;
      if (!nm && leading(next) <= indent && isBlockStart(next)) break;
      content.push(leading(next) >= contentIndent ? next.slice(contentIndent) : next.trimStart());
      i++;
    }
    const item = el('li');
    let text = content;
    const task = /^\[([ xX])\]\s+/.exec(text[0]);
    if (task) {
      item.className = 'task';
      item.append(el('span', { className: 'task-box', 'aria-hidden': 'true', 'data-done': String(task[1] !== ' ') }, [icon(task[1] === ' ' ? 'box' : 'checklist', { size: 14 })]), ' ');
      text = [text[0].slice(task[0].length), ...text.slice(1)];
    }
    if (depth < MAX_DEPTH) {
      const holder = document.createDocumentFragment();
      blocks(text, holder, depth + 1);
      // A tight item's single paragraph is unwrapped.
      if (holder.childNodes.length === 1 && holder.firstChild.nodeName === 'P') item.append(...holder.firstChild.childNodes);
      else item.append(holder);
    } else {
      item.append(text.join('\n'));
    }
    listEl.append(item);
    while (i < lines.length && !lines[i].trim()) {
      // Blank lines between items of the same list.
      const after = lines.slice(i).find((l) => l.trim());
      const am = after && ITEM.exec(after);
      if (am && am[1].length === indent && /\d/.test(am[2]) === ordered) i++;
      else break;
    }
  }
  parent.append(listEl);
  return i;
}

function leading(line) {
  return line.length - line.trimStart().length;
}

/**
 * Renders Markdown into a new <div class="markdown">.
 * @param {string} source
 * @returns {HTMLDivElement}
 */
export function renderMarkdown(source) {
  const root = el('div', { className: 'markdown' });
  const text = String(source ?? '').replace(/\r\n?/g, '\n').replace(/\t/g, '    ');
  blocks(text.split('\n'), root, 0);
  return root;
}
