// Scripts that run inside the app's page. Plain JavaScript in strings: functions handed to page.evaluate would be
// serialised from tsx's transpiled output, which may reference helpers that do not exist in the page.

/** The message list and its rows, whichever ARIA pattern the renderer uses (listbox/option or grid/row). */
export const LIST_SELECTOR = '[role=listbox][aria-label="Beskeder"], [role=grid][aria-label="Beskeder"]';
export const ROW_SELECTOR =
  '[role=listbox][aria-label="Beskeder"] [role=option], [role=grid][aria-label="Beskeder"] [role=row]';

/** Runs `fn` after the frame that is being produced has been painted (rAF, then a task after the frame). */
const AFTER_PAINT = `
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => fn();
    ch.port2.postMessage(0);
  });`;

/**
 * Installed before the app's scripts: timestamps (performance.now, i.e. ms since navigation start) when the first
 * `messages.query` answer has been parsed by the bridge and when the first rows are on screen.
 */
export const INIT_PROBE = `(() => {
  ${AFTER_PAINT}
  const B = (window.__bench = { firstQueryAt: null, rowsSeenAt: null, rowsPaintedAt: null });
  const origFetch = window.fetch;
  window.fetch = function (input, init) {
    const p = origFetch.call(this, input, init);
    const url = typeof input === 'string' ? input : (input && input.url) || String(input);
    if (url.indexOf('/bridge/messages.query') === -1) return p;
    return p.then((res) => {
      const json = res.json.bind(res);
      res.json = () => json().then((v) => {
        if (B.firstQueryAt === null) B.firstQueryAt = performance.now();
        return v;
      });
      return res;
    });
  };
  const obs = new MutationObserver(() => {
    if (B.rowsSeenAt !== null || !document.querySelector(${JSON.stringify(ROW_SELECTOR)})) return;
    B.rowsSeenAt = performance.now();
    obs.disconnect();
    afterPaint(() => { B.rowsPaintedAt = performance.now(); });
  });
  obs.observe(document, { childList: true, subtree: true });
})();`;

export interface InitMarks {
  firstQueryAt: number | null;
  rowsSeenAt: number | null;
  rowsPaintedAt: number | null;
  /** Where a cold start spends its time: scripts run, then the chain of bridge calls before the list query. */
  domReadyAt: number | null;
  querySentAt: number | null;
}
export const READ_MARKS = 'window.__bench';
export const READ_COLD_MARKS = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const query = performance.getEntriesByType('resource').find((e) => e.name.includes('/bridge/messages.query'));
  return Object.assign({}, window.__bench, {
    domReadyAt: nav ? nav.domContentLoadedEventEnd : null,
    querySentAt: query ? query.startTime : null,
  });
})()`;

const call = (fnSource: string, arg: unknown): string => `(${fnSource})(${JSON.stringify(arg)})`;

const FRAMES = `
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const list = document.querySelector(${JSON.stringify(LIST_SELECTOR)});
  if (!list) throw new Error('no message list');
  list.style.scrollBehavior = 'auto';
  const firstRow = list.querySelector('[role=option], [role=row]');
  const rowH = firstRow ? firstRow.getBoundingClientRect().height || 64 : 64;
  const loaded = () => Math.round(list.scrollHeight / rowH);`;

/** Scrolls to the end until `rows` rows are loaded (the list pages in as it nears its end) or `budgetMs` is spent. */
export const preloadRows = (rows: number, budgetMs: number): string =>
  call(
    `async ({ rows, budgetMs }) => {
      ${FRAMES}
      const t0 = performance.now();
      while (loaded() < rows && performance.now() - t0 < budgetMs) {
        const before = list.scrollHeight;
        list.scrollTop = list.scrollHeight;
        const waitStart = performance.now();
        while (list.scrollHeight === before && performance.now() - waitStart < 15000) await frame();
        if (list.scrollHeight === before) break;
      }
      return { loaded: loaded(), ms: performance.now() - t0 };
    }`,
    { rows, budgetMs },
  );

/**
 * From the top, moves the list `rowsPerFrame` rows per frame through `rows` rows, recording the time between
 * consecutive animation frames; then parks in the middle and counts the rows in the DOM.
 */
export const scrollThrough = (rows: number, rowsPerFrame: number): string =>
  call(
    `async ({ rows, rowsPerFrame }) => {
      ${FRAMES}
      list.scrollTop = 0;
      for (let i = 0; i < 5; i += 1) await frame();
      const end = Math.min(rows, loaded()) * rowH;
      const deltas = [];
      let last = await frame();
      while (list.scrollTop + list.clientHeight < end && list.scrollTop < list.scrollHeight - list.clientHeight - 1) {
        list.scrollTop += rowsPerFrame * rowH;
        const now = await frame();
        deltas.push(now - last);
        last = now;
      }
      list.scrollTop = Math.round(end / 2);
      for (let i = 0; i < 5; i += 1) await frame();
      const domRows = list.querySelectorAll('[role=option], [role=row]').length;
      return { deltas, domRows, scrolledPx: list.scrollTop };
    }`,
    { rows, rowsPerFrame },
  );

/**
 * Clicks the row whose text contains `label` and resolves with the ms until its content is painted: for HTML the
 * letter iframe's load, for PDF the first canvas with ink on it. -1 on timeout.
 */
export const openAndTime = (kind: 'html' | 'pdf', label: string, timeoutMs: number): string =>
  call(
    `async ({ kind, label, timeoutMs }) => {
      ${AFTER_PAINT}
      const rows = [...document.querySelectorAll(${JSON.stringify(ROW_SELECTOR)})];
      const row = rows.find((r) => (r.textContent || '').includes(label));
      if (!row) throw new Error('row not found: ' + label);
      const hasInk = (c) => {
        if (!c.width || !c.height) return false;
        const s = document.createElement('canvas');
        s.width = 96; s.height = 96;
        const x = s.getContext('2d');
        x.drawImage(c, 0, 0, 96, 96);
        const d = x.getImageData(0, 0, 96, 96).data;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 245) return true;
        return false;
      };
      let done;
      const result = new Promise((r) => (done = r));
      const t0 = performance.now();
      if (kind === 'html') {
        const onLoad = (e) => {
          const t = e.target;
          if (!t || t.tagName !== 'IFRAME') return;
          document.removeEventListener('load', onLoad, true);
          afterPaint(() => done(performance.now() - t0));
        };
        document.addEventListener('load', onLoad, true);
      } else {
        const poll = () => {
          const c = document.querySelector('.pdf-page canvas, [role=region][aria-label="Besked"] canvas');
          if (c && hasInk(c)) afterPaint(() => done(performance.now() - t0));
          else if (performance.now() - t0 < timeoutMs) requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      }
      row.click();
      return Promise.race([result, new Promise((r) => setTimeout(() => r(-1), timeoutMs))]);
    }`,
    { kind, label, timeoutMs },
  );
