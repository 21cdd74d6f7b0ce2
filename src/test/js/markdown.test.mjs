// The Markdown renderer of card descriptions, comments and incoming webhooks' messages
// (assets/markdown.js): what it renders, and that nothing typed ever becomes markup, a script,
// an event handler or a link to anything but http, https or mailto.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { elementsOf, installFakeDom, toHtml } from './fake-dom.mjs';

installFakeDom();
const { renderMarkdown, safeUrl } = await import('../../main/webapp/assets/markdown.js');

/** The rendering's inner HTML, icons (inline SVG) left out for brevity. */
const html = (source) => toHtml(renderMarkdown(source)).replace(/<svg[^]*?<\/svg>/g, '<svg/>').replace(/^<div class="markdown">|<\/div>$/g, '');

test('paragraphs keep single line breaks; a blank line starts a new paragraph', () => {
  assert.equal(html('one\ntwo\n\nthree'), '<p>one<br>two</p><p>three</p>');
  assert.equal(html(''), '');
  assert.equal(html(null), '');
});

test('inline: bold, italic, strike, code, escapes', () => {
  assert.equal(html('**bold** and __bold__'), '<p><strong>bold</strong> and <strong>bold</strong></p>');
  assert.equal(html('*it* _it_ snake_case_name'), '<p><em>it</em> <em>it</em> snake_case_name</p>');
  assert.equal(html('~~gone~~ `a *b* c`'), '<p><del>gone</del> <code>a *b* c</code></p>');
  assert.equal(html('\\*not italic\\*'), '<p>*not italic*</p>');
  assert.equal(html('**bold _and italic_**'), '<p><strong>bold <em>and italic</em></strong></p>');
});

test('headings stay small, quotes, rules and fenced code (kept verbatim, its language noted)', () => {
  assert.equal(html('# Title\n###### Six'), '<h3>Title</h3><h6>Six</h6>');
  assert.equal(html('> quoted\n> **more**'), '<blockquote><p>quoted<br><strong>more</strong></p></blockquote>');
  assert.equal(html('---'), '<hr>');
  assert.equal(html('```js\nconst a = 1 < 2;\n**not bold**\n```'), '<pre><code data-lang="js">const a = 1 &lt; 2;\n**not bold**</code></pre>');
});

test('lists: unordered, ordered from their number, nested by indentation, tasks', () => {
  assert.equal(html('- a\n- b'), '<ul><li>a</li><li>b</li></ul>');
  assert.equal(html('3. c\n4. d'), '<ol start="3"><li>c</li><li>d</li></ol>');
  assert.equal(html('- a\n  - a1\n- b'), '<ul><li><p>a</p><ul><li>a1</li></ul></li><li>b</li></ul>');
  assert.equal(
    html('- [ ] todo\n- [x] done'),
    '<ul><li class="task"><span class="task-box" aria-hidden="true" data-done="false"><svg/></span> todo</li>'
      + '<li class="task"><span class="task-box" aria-hidden="true" data-done="true"><svg/></span> done</li></ul>',
  );
});

test('links open in a new tab without referrer; bare links and mailto are linked; images become links', () => {
  assert.equal(html('[Moim](https://moim.example/x)'), '<p><a href="https://moim.example/x" rel="noopener noreferrer nofollow ugc" target="_blank">Moim</a></p>');
  assert.equal(html('see https://moim.example/a.'), '<p>see <a href="https://moim.example/a" rel="noopener noreferrer nofollow ugc" target="_blank">https://moim.example/a</a>.</p>');
  assert.equal(html('[mail](mailto:kim@moim.example)'), '<p><a href="mailto:kim@moim.example" rel="noopener noreferrer nofollow ugc" target="_blank">mail</a></p>');
  assert.equal(html('[up](../boards)'), '<p><a href="https://moim.example/boards" rel="noopener noreferrer nofollow ugc" target="_blank">up</a></p>', 'relative to the page');
  const image = renderMarkdown('![a cat](https://moim.example/cat.png)');
  assert.deepEqual(elementsOf(image).map((e) => e.localName).filter((tag) => tag === 'img'), [], 'no image is loaded');
  assert.equal(image.textContent, ' a cat');
  assert.equal(elementsOf(image).find((e) => e.localName === 'a').getAttribute('href'), 'https://moim.example/cat.png');
});

test('a mention written @[Name](accountId) is a mention span carrying the id', () => {
  assert.equal(html('hi @[Kim Minji](a1b2-c3)'), '<p>hi <span class="mention" data-account-id="a1b2-c3">@Kim Minji</span></p>');
});

const ALLOWED_TAGS = new Set(['div', 'p', 'br', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr', 'pre', 'code', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'a', 'span', 'svg', 'path', 'rect', 'circle', 'polyline', 'line']);

/** Nothing in the tree runs or loads anything: known tags only, no on* attribute, only http(s)/mailto links. */
function assertInert(source) {
  const root = renderMarkdown(source);
  for (const element of elementsOf(root)) {
    assert.ok(ALLOWED_TAGS.has(element.localName), `<${element.localName}> from ${JSON.stringify(source)}`);
    for (const [name, value] of element.attributes) {
      assert.ok(!name.startsWith('on'), `${name} from ${JSON.stringify(source)}`);
      if (name === 'href') assert.match(value, /^(https?:\/\/|mailto:)/, `href ${value} from ${JSON.stringify(source)}`);
      if (name === 'href') assert.ok(!/["<>\s]/.test(value), `href ${value} is one clean URL`);
      assert.ok(!['src', 'style', 'srcdoc', 'formaction'].includes(name), `${name} from ${JSON.stringify(source)}`);
    }
  }
  return root;
}

test('HTML typed in the text is shown as the characters typed, never as markup', () => {
  for (const source of [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    '**<b onmouseover="alert(1)">bold</b>**',
    '> <iframe src="https://evil.example"></iframe>',
    '- <svg onload=alert(1)>',
    '`<script>`',
    '&lt;script&gt; &#60;b&#62;',
  ]) {
    const root = assertInert(source);
    const shown = source.replace(/^(> |- )/, '').replace(/\*\*|`/g, '');
    assert.equal(root.textContent, shown, `${source} reads as typed`);
  }
  assert.equal(html('<script>alert(1)</script>'), '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
});

test('javascript:, data:, vbscript: and disguised ones never become links, in any link form', () => {
  for (const source of [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x]( javascript:alert(1) )',
    '[x](java\tscript:alert(1))',
    '[x](javascript&#58;alert(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](vbscript:msgbox(1))',
    '![x](javascript:alert(1))',
    '[**bold**](javascript:alert(1))',
    'javascript:alert(1)',
    '[x](https://moim.example/"onmouseover="alert(1))',
    '[x](//evil.example/%0a)',
  ]) {
    assertInert(source);
  }
  assert.equal(html('[x](javascript:alert(1))'), '<p>[x](javascript:alert(1))</p>', 'left as the text typed');
  assert.equal(html('[x](https://moim.example/"onmouseover="alert(1))').includes('onmouseover="'), false, 'the quote cannot close the attribute');
});

test('safeUrl allows http, https and mailto only, absolute or relative to the page', () => {
  assert.equal(safeUrl('https://moim.example/a?b=c'), 'https://moim.example/a?b=c');
  assert.equal(safeUrl('http://moim.example'), 'http://moim.example/');
  assert.equal(safeUrl('mailto:kim@moim.example'), 'mailto:kim@moim.example');
  assert.equal(safeUrl('#/w/1/boards'), 'https://moim.example/app/#/w/1/boards');
  for (const bad of ['javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\nscript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example', '', null, 'https://a.example/ b']) {
    assert.equal(safeUrl(bad), null, String(bad));
  }
});

test('deep nesting stops at a limit instead of exhausting the stack', () => {
  const deep = `${'> '.repeat(200)}end`;
  assert.ok(renderMarkdown(deep).textContent.includes('end'));
  const nested = `${'**'.repeat(100)}x${'**'.repeat(100)}`;
  assertInert(nested);
});
