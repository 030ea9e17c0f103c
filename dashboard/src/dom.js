// The few DOM helpers the pages share: building elements, swapping a section's content
// only when its data changed, tables, stat cards and a bar chart in SVG.
//
// Pages are rebuilt from chain data on every new block; a form a user is typing into
// must survive that, so every page keeps its forms out of the sections it refreshes, and
// `refreshSection` leaves a section alone when its data has not changed (no flicker, no
// lost hover or focus).

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Creates an element: `h('div', { class: 'x', onclick: fn, dataset: {...} }, child, …)`.
 * Children may be strings, numbers, nodes, arrays of them, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  applyProps(element, props);
  appendChildren(element, children);
  return element;
}

/** Creates an SVG element, same signature as `h`. */
export function svg(tag, props = {}, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    element.setAttribute(name, String(value));
  }
  appendChildren(element, children);
  return element;
}

function applyProps(element, props) {
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'testid') {
      element.dataset.testid = value;
    } else if (name in element && typeof value !== 'string') {
      element[name] = value;
    } else if (name === 'value' || name === 'checked' || name === 'disabled' || name === 'selected') {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function appendChildren(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/**
 * Replaces the content of `section` with `build()` unless `key` (a string that captures
 * the data shown) equals what the section shows already.
 */
export function refreshSection(section, key, build) {
  if (section.dataset.key === key) return;
  section.dataset.key = key;
  section.replaceChildren(...[build()].flat().filter(Boolean));
}

/** A JSON key for `refreshSection` that also accepts BigInts. */
export function keyOf(value) {
  return JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A card with a title and content. */
export function card(title, ...content) {
  return h('section', { class: 'card' }, title ? h('h2', {}, title) : null, ...content);
}

/** A row of figures: `[{ label, value, testid, hint }]`. */
export function stats(items) {
  return h('div', { class: 'stats' }, items.map(({ label, value, testid, hint }) =>
    h('div', { class: 'stat', title: hint },
      h('div', { class: 'stat-label' }, label),
      h('div', { class: 'stat-value', testid }, value))));
}

/**
 * A table: `columns` are `{ label, cell(row) → content, class? }`; `empty` is shown when
 * there are no rows.
 */
export function table(columns, rows, { empty = 'None.', testid, rowTestid } = {}) {
  if (!rows.length) return h('p', { class: 'muted', testid }, empty);
  return h('table', { testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', { testid: rowTestid?.(row) },
      columns.map((c) => h('td', { class: c.class }, c.cell(row)))))));
}

/** A labelled form field around `control`. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control,
    hint ? h('span', { class: 'field-hint' }, hint) : null);
}

/**
 * Vertical bar chart of `bars` (`{ label, segments: [{ value, class, title }] , note? }`),
 * stacked, scaled to the largest total; `legend` is `[{ label, class }]`. Values are
 * numbers (already in whole tokens or units), so the chart is only a picture: the exact
 * amounts are in each bar's tooltip and in the tables next to it.
 */
export function barChart(bars, { height = 160, legend = [], formatTotal = String, testid } = {}) {
  const width = Math.max(bars.length * 48, 240);
  const top = 18;
  const bottom = 22;
  const plot = height - top - bottom;
  const max = Math.max(...bars.map((b) => b.segments.reduce((sum, segment) => sum + segment.value, 0)), 0);
  const slot = width / Math.max(bars.length, 1);
  const barWidth = Math.min(30, slot * 0.7);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart', role: 'img', 'data-testid': testid });
  chart.append(svg('line', { x1: 0, x2: width, y1: top + plot, y2: top + plot, class: 'axis' }));
  bars.forEach((bar, i) => {
    const x = i * slot + (slot - barWidth) / 2;
    let y = top + plot;
    const total = bar.segments.reduce((sum, segment) => sum + segment.value, 0);
    for (const segment of bar.segments) {
      const segmentHeight = max > 0 ? (segment.value / max) * plot : 0;
      if (segmentHeight <= 0) continue;
      y -= segmentHeight;
      chart.append(svg('rect', { x, y, width: barWidth, height: segmentHeight, class: segment.class },
        svg('title', {}, segment.title ?? '')));
    }
    if (total > 0) {
      chart.append(svg('text', { x: x + barWidth / 2, y: y - 4, class: 'bar-value' }, formatTotal(total)));
    }
    chart.append(svg('text', { x: x + barWidth / 2, y: height - 6, class: 'bar-label' }, bar.label));
  });
  return h('figure', { class: 'chart-figure' }, chart,
    legend.length ? h('figcaption', { class: 'legend' }, legend.map((l) =>
      h('span', { class: 'legend-item' }, h('span', { class: `swatch ${l.class}` }), l.label))) : null);
}
