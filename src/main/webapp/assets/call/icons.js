/**
 * The call feature's icons as inline SVG (built with createElementNS, never parsed from text):
 * they take the colour of the text around them (currentColor) and are hidden from screen readers,
 * so every button that shows one names itself with its label or aria-label.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** Each icon: its shapes on a 24×24 grid, stroked. */
const SHAPES = {
  // A video camera: the body and the lens.
  video: [
    ['rect', { x: '2.5', y: '6', width: '13', height: '12', rx: '2.5' }],
    ['path', { d: 'M15.5 10.5 21.5 7v10l-6-3.5z' }],
  ],
};

/**
 * @param {keyof SHAPES} name
 * @returns {SVGSVGElement}
 */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [key, value] of Object.entries({
    class: `icon icon-${name}`,
    viewBox: '0 0 24 24',
    width: '18',
    height: '18',
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
  for (const [tag, attrs] of SHAPES[name]) {
    const shape = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([key, value]) => shape.setAttribute(key, value));
    svg.append(shape);
  }
  return svg;
}
