// A small stand-in for the browser's document, enough for modules that build DOM with
// createElement / createElementNS / createTextNode / append / setAttribute / textContent / dataset
// (assets/markdown.js, assets/icons.js). Not a test file itself (all.mjs runs *.test.mjs only).
// It never parses HTML either, so what a test sees is exactly the tree the code built.

class FakeNode {
  constructor(nodeType, nodeName) {
    this.nodeType = nodeType;
    this.nodeName = nodeName;
    this.childNodes = [];
    this.parentNode = null;
  }

  get firstChild() {
    return this.childNodes[0] ?? null;
  }

  append(...items) {
    for (const item of items) {
      const node = item instanceof FakeNode ? item : new FakeText(String(item));
      if (node.nodeType === 11) {
        this.append(...node.childNodes);
        continue;
      }
      node.remove();
      node.parentNode = this;
      this.childNodes.push(node);
    }
  }

  appendChild(node) {
    this.append(node);
    return node;
  }

  remove() {
    if (!this.parentNode) return;
    const siblings = this.parentNode.childNodes;
    siblings.splice(siblings.indexOf(this), 1);
    this.parentNode = null;
  }

  get textContent() {
    return this.childNodes.map((child) => child.textContent).join('');
  }

  set textContent(text) {
    this.childNodes.forEach((child) => {
      child.parentNode = null;
    });
    this.childNodes = [];
    if (text !== '' && text != null) this.append(String(text));
  }
}

class FakeText extends FakeNode {
  constructor(data) {
    super(3, '#text');
    this.data = data;
  }

  get textContent() {
    return this.data;
  }
}

class FakeFragment extends FakeNode {
  constructor() {
    super(11, '#document-fragment');
  }
}

class FakeElement extends FakeNode {
  constructor(tagName, namespaceURI = null) {
    super(1, tagName.toUpperCase());
    this.tagName = this.nodeName;
    this.localName = tagName.toLowerCase();
    this.namespaceURI = namespaceURI;
    this.attributes = new Map();
    const element = this;
    this.dataset = new Proxy(
      {},
      {
        get: (_, key) => element.getAttribute(`data-${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`) ?? undefined,
        set: (_, key, value) => {
          element.setAttribute(`data-${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
          return true;
        },
      },
    );
  }

  setAttribute(name, value) {
    this.attributes.set(name.toLowerCase(), String(value));
  }

  getAttribute(name) {
    return this.attributes.get(name.toLowerCase()) ?? null;
  }

  hasAttribute(name) {
    return this.attributes.has(name.toLowerCase());
  }

  removeAttribute(name) {
    this.attributes.delete(name.toLowerCase());
  }

  get className() {
    return this.getAttribute('class') ?? '';
  }

  set className(value) {
    this.setAttribute('class', value);
  }

  get children() {
    return this.childNodes.filter((child) => child.nodeType === 1);
  }
}

/** Puts a document (and a page location, for relative links) on globalThis. */
export function installFakeDom({ href = 'https://moim.example/app/' } = {}) {
  globalThis.document = {
    createElement: (tag) => new FakeElement(tag),
    createElementNS: (ns, tag) => new FakeElement(tag, ns),
    createTextNode: (text) => new FakeText(String(text)),
    createDocumentFragment: () => new FakeFragment(),
  };
  globalThis.location = { href };
}

/** Every element under (and including) node, in document order. */
export function elementsOf(node) {
  const found = node.nodeType === 1 ? [node] : [];
  for (const child of node.childNodes) found.push(...elementsOf(child));
  return found;
}

const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (text) => escapeText(text).replace(/"/g, '&quot;');

/** The tree as HTML, the way a browser would serialize it (text and attribute values escaped). */
export function toHtml(node) {
  if (node.nodeType === 3) return escapeText(node.data);
  const inner = node.childNodes.map(toHtml).join('');
  if (node.nodeType !== 1) return inner;
  const attributes = [...node.attributes].map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('');
  return ['br', 'hr'].includes(node.localName) ? `<${node.localName}${attributes}>` : `<${node.localName}${attributes}>${inner}</${node.localName}>`;
}
