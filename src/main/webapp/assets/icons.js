/**
 * The app's icons: one small set of inline SVG, built with createElementNS (never parsed from
 * text), so they need no emoji or symbol font. They take the colour of the text around them
 * (currentColor) and are hidden from screen readers: every control that shows one names itself
 * with its text, aria-label or title. Emoji stay only where people write them (reactions).
 */
const SVG = 'http://www.w3.org/2000/svg';

/** Each icon: its shapes on a 24×24 grid, stroked 2 px with round ends. */
const SHAPES = {
  // A bell: dome, rim and clapper.
  bell: [
    ['path', { d: 'M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z' }],
    ['path', { d: 'M10 20.5a2 2 0 0 0 4 0' }],
  ],
  // A calendar page with its rings.
  calendar: [
    ['rect', { x: '3.5', y: '5', width: '17', height: '15.5', rx: '2' }],
    ['path', { d: 'M3.5 10h17M8 3v4M16 3v4' }],
  ],
  // A board: three columns.
  board: [
    ['rect', { x: '3.5', y: '4', width: '17', height: '16', rx: '2' }],
    ['path', { d: 'M9.5 4v16M15 4v16' }],
  ],
  // A speech bubble.
  message: [['path', { d: 'M4 5.5h16v11H10l-4.5 3.5v-3.5H4z' }]],
  // A folder.
  folder: [['path', { d: 'M3.5 6.5a1.5 1.5 0 0 1 1.5-1.5h4.5l2 2.5H19a1.5 1.5 0 0 1 1.5 1.5v8.5A1.5 1.5 0 0 1 19 19H5a1.5 1.5 0 0 1-1.5-1.5z' }]],
  // Two people.
  people: [
    ['circle', { cx: '9', cy: '8.5', r: '3' }],
    ['path', { d: 'M3.5 19.5c0-3 2.5-5 5.5-5s5.5 2 5.5 5' }],
    ['path', { d: 'M15.5 5.8a3 3 0 0 1 0 5.4M17.5 14.8c1.8.6 3 2.3 3 4.7' }],
  ],
  // A gear: a ring and eight teeth.
  settings: [
    ['circle', { cx: '12', cy: '12', r: '3' }],
    ['path', { d: 'M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1' }],
  ],
  // A payment card.
  card: [
    ['rect', { x: '3', y: '5.5', width: '18', height: '13', rx: '2' }],
    ['path', { d: 'M3 10h18M7 15h4' }],
  ],
  // One person.
  person: [
    ['circle', { cx: '12', cy: '8', r: '3.5' }],
    ['path', { d: 'M5 20c0-3.9 3.1-6.5 7-6.5s7 2.6 7 6.5' }],
  ],
  // An envelope.
  mail: [
    ['rect', { x: '3', y: '5.5', width: '18', height: '13', rx: '2' }],
    ['path', { d: 'm3.5 7 8.5 6 8.5-6' }],
  ],
  // Stacked layers (workspaces).
  layers: [['path', { d: 'M12 4 3 8.5l9 4.5 9-4.5zM3 12.5 12 17l9-4.5M3 16.5 12 21l9-4.5' }]],
  // A video camera: the body and the lens.
  video: [
    ['rect', { x: '2.5', y: '6', width: '13', height: '12', rx: '2.5' }],
    ['path', { d: 'M15.5 10.5 21.5 7v10l-6-3.5z' }],
  ],
  paperclip: [['path', { d: 'm20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.1-8.1a3.3 3.3 0 0 1 4.7 4.7l-8.1 8.1a1.7 1.7 0 0 1-2.4-2.4l7.4-7.4' }]],
  mic: [
    ['rect', { x: '9', y: '3', width: '6', height: '11', rx: '3' }],
    ['path', { d: 'M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21' }],
  ],
  stop: [['rect', { x: '6', y: '6', width: '12', height: '12', rx: '1.5' }]],
  smile: [
    ['circle', { cx: '12', cy: '12', r: '8.5' }],
    ['path', { d: 'M8.5 14a4 4 0 0 0 7 0M9 9.5h.01M15 9.5h.01' }],
  ],
  reply: [['path', { d: 'M9.5 6 4 11.5 9.5 17M4 11.5h10a6 6 0 0 1 6 6v1' }]],
  pencil: [['path', { d: 'M15.5 4.5l4 4L8 20H4v-4zM13.5 6.5l4 4' }]],
  trash: [['path', { d: 'M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13M10 11v5.5M14 11v5.5' }]],
  clock: [
    ['circle', { cx: '12', cy: '12', r: '8.5' }],
    ['path', { d: 'M12 7.5V12l3 2' }],
  ],
  checklist: [
    ['rect', { x: '3.5', y: '3.5', width: '17', height: '17', rx: '2.5' }],
    ['path', { d: 'm8 12 3 3 5-6' }],
  ],
  check: [['path', { d: 'm5 12.5 4.5 4.5L19 7.5' }]],
  // An empty box (an open task).
  box: [['rect', { x: '3.5', y: '3.5', width: '17', height: '17', rx: '2.5' }]],
  // Six dots to take hold of (drag handles).
  grip: [
    ['circle', { cx: '9', cy: '6', r: '1' }],
    ['circle', { cx: '15', cy: '6', r: '1' }],
    ['circle', { cx: '9', cy: '12', r: '1' }],
    ['circle', { cx: '15', cy: '12', r: '1' }],
    ['circle', { cx: '9', cy: '18', r: '1' }],
    ['circle', { cx: '15', cy: '18', r: '1' }],
  ],
  image: [
    ['rect', { x: '3.5', y: '4.5', width: '17', height: '15', rx: '2' }],
    ['circle', { cx: '9', cy: '9.5', r: '1.5' }],
    ['path', { d: 'm4 17.5 5-5 3.5 3.5 2.5-2.5 5 4.5' }],
  ],
  audio: [
    ['path', { d: 'M9 17.5V6l10-2v11.5' }],
    ['circle', { cx: '6.5', cy: '17.5', r: '2.5' }],
    ['circle', { cx: '16.5', cy: '15.5', r: '2.5' }],
  ],
  file: [['path', { d: 'M6 3h8l4.5 4.5V21H6zM14 3v4.5h4.5M9 12.5h6M9 16h6' }]],
  download: [['path', { d: 'M12 4v11M7 10.5l5 5 5-5M5 20h14' }]],
  upload: [['path', { d: 'M12 20V9M7 13.5l5-5 5 5M5 4h14' }]],
  link: [['path', { d: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1' }]],
  // A chevron pointing down (menus that open).
  chevron: [['path', { d: 'm6 9.5 6 6 6-6' }]],
  // Three dots (more actions).
  more: [
    ['circle', { cx: '5.5', cy: '12', r: '1' }],
    ['circle', { cx: '12', cy: '12', r: '1' }],
    ['circle', { cx: '18.5', cy: '12', r: '1' }],
  ],
  alert: [
    ['circle', { cx: '12', cy: '12', r: '8.5' }],
    ['path', { d: 'M12 7.5v5.5M12 16.5h.01' }],
  ],
  // A hash sign (a workspace channel).
  hash: [['path', { d: 'M9.5 4 8 20M16 4l-1.5 16M5 9h15M4 15h15' }]],
  // A padlock (a private channel).
  lock: [
    ['rect', { x: '5', y: '10.5', width: '14', height: '10', rx: '2' }],
    ['path', { d: 'M8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3' }],
  ],
  // Three bars: the phone layout's menu button (views/shell.js).
  menu: [['path', { d: 'M4 6.5h16M4 12h16M4 17.5h16' }]],
  // An arrow pointing left: back to the list (a conversation on a phone).
  back: [['path', { d: 'M19 12H5M11 5.5 4.5 12l6.5 6.5' }]],
};

/** The names of every icon (for tests and for whoever wonders what exists). */
export const ICON_NAMES = Object.freeze(Object.keys(SHAPES));

/**
 * @param {keyof SHAPES} name
 * @param {{size?: number}} [o]
 * @returns {SVGSVGElement}
 */
export function icon(name, { size = 18 } = {}) {
  const shapes = SHAPES[name];
  if (!shapes) throw new Error(`No icon named ${name}`);
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries({
    class: `icon icon-${name}`,
    viewBox: '0 0 24 24',
    width: String(size),
    height: String(size),
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': '2',
    'stroke-linecap': 'round',
    'stroke-linejoin': 'round',
    'aria-hidden': 'true',
    focusable: 'false',
  })) {
    svg.setAttribute(key, value);
  }
  for (const [tag, attrs] of shapes) {
    const shape = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([key, value]) => shape.setAttribute(key, value));
    svg.append(shape);
  }
  return svg;
}
