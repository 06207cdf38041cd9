// ClawMetry dashboard. No framework, no outside calls. Every piece of data is put in the page with textContent
// (via h()/s() below) or as an attribute value; nothing from the API is ever parsed as HTML.
'use strict';
(() => {
  const SVGNS = 'http://www.w3.org/2000/svg';
  const main = document.getElementById('main');
  const state = { view: 'overview', arg: null, sessionFilter: {}, transcriptTypes: '', usage: { mode: 'auto', tz: '' },
    cronRuns: null, logLevel: '' };
  let renderSeq = 0;

  // ---- DOM helpers (text only) ----
  function add(e, kids) {
    for (const k of kids) {
      if (k === null || k === undefined || k === false) continue;
      if (Array.isArray(k)) add(e, k);
      else if (k instanceof Node) e.appendChild(k);
      else e.appendChild(document.createTextNode(String(k)));
    }
    return e;
  }
  function attrs(e, a) {
    for (const [k, v] of Object.entries(a || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    return e;
  }
  const h = (tag, a, ...kids) => add(attrs(document.createElement(tag), a), kids);
  const s = (tag, a, ...kids) => add(attrs(document.createElementNS(SVGNS, tag), a), kids);

  // ---- formatting ----
  const num = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-US'));
  const money = (v) => (v === null || v === undefined ? '–' : '$' + Number(v).toFixed(4));
  const pct = (v) => (v === null || v === undefined ? '–' : Number(v).toFixed(1) + '%');
  const bytes = (b) => {
    if (b === null || b === undefined) return '–';
    const u = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let i = 0; let x = Number(b);
    while (x >= 1024 && i < u.length - 1) { x /= 1024; i++; }
    return x.toFixed(i ? 1 : 0) + ' ' + u[i];
  };
  const dur = (ms) => {
    if (ms === null || ms === undefined) return '–';
    if (ms < 1000) return ms + ' ms';
    const sec = ms / 1000;
    if (sec < 120) return sec.toFixed(1) + ' s';
    const min = sec / 60;
    if (min < 120) return min.toFixed(1) + ' min';
    const hr = min / 60;
    return hr < 48 ? hr.toFixed(1) + ' h' : (hr / 24).toFixed(1) + ' d';
  };
  const when = (iso) => (iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '–');
  const badge = (text, cls) => h('span', { class: 'badge ' + (cls || text || '') }, text || '–');
  const card = (label, value, key, sub) => h('div', { class: 'card' },
    h('div', { class: 'label' }, label), h('div', { class: 'value', 'data-k': key }, value), sub ? h('div', { class: 'sub' }, sub) : null);
  const link = (hash, text) => h('a', { href: hash }, text);
  const sessionLink = (key) => link('#session/' + encodeURIComponent(key), key);
  // How full the session's context window is: "12.3%" over a small bar, or "–" when the index does not say.
  const contextGauge = (x, key) => {
    if (x.contextPercent === null || x.contextPercent === undefined) return h('span', { class: 'muted', 'data-k': key }, '–');
    const fill = h('span');
    fill.style.width = Math.min(100, Math.max(0, Number(x.contextPercent))) + '%';
    return h('span', { class: 'ctx', 'data-k': key, title: num(x.contextTokens) + ' of ' + num(x.contextWindow) + ' tokens' },
      pct(x.contextPercent), h('span', { class: 'bar' + (x.contextPercent >= 80 ? ' warn' : '') }, fill));
  };

  function table(headers, rows, key) {
    const thead = h('tr', null, headers.map((x) => h('th', { class: x.startsWith('>') ? 'num' : null }, x.replace(/^>/, ''))));
    const body = rows.map((r) => h('tr', null, r.map((c, i) =>
      h('td', { class: headers[i].startsWith('>') ? 'num' : null }, c))));
    return h('div', { class: 'table-wrap' }, h('table', { 'data-k': key }, h('thead', null, thead), h('tbody', null, body)));
  }

  // ---- API ----
  async function api(path) {
    const r = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (r.status === 401) { location.assign('/login'); throw new Error('authentication required'); }
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
    return body;
  }
  async function post(path) {
    const r = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({}));
    return { status: r.status, body };
  }

  function toast(text) {
    const t = document.getElementById('toast');
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, 5000);
  }

  function confirmStep(text) {
    const d = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    return new Promise((resolve) => {
      d.addEventListener('close', () => resolve(d.returnValue === 'ok'), { once: true });
      d.returnValue = 'cancel';
      d.showModal();
    });
  }

  // ---- SVG charts ----
  const COLORS = 6;
  function barChart(points, opts) {
    // points: [{label, values: [v0, v1, ...]}] stacked; opts: {series: [names], format}
    const W = 760; const H = 220; const L = 56; const B = 40; const T = 10;
    const max = Math.max(1e-12, ...points.map((p) => p.values.reduce((a, b) => a + b, 0)));
    const bw = (W - L - 10) / Math.max(1, points.length);
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opts.title || 'chart', 'data-k': opts.key });
    for (let i = 0; i <= 4; i++) {
      const y = T + (H - T - B) * (1 - i / 4);
      svg.appendChild(s('line', { x1: L, x2: W - 5, y1: y, y2: y, class: 'grid-line' }));
      svg.appendChild(s('text', { x: L - 4, y: y + 4, 'text-anchor': 'end' }, opts.format(max * i / 4)));
    }
    points.forEach((p, i) => {
      let y = H - B;
      p.values.forEach((v, k) => {
        const bh = (H - T - B) * v / max;
        y -= bh;
        svg.appendChild(s('rect', { x: L + i * bw + 1, y, width: Math.max(1, bw - 2), height: Math.max(0, bh), class: 's' + (k % COLORS) },
          s('title', null, p.label + ' ' + (opts.series ? opts.series[k] + ' ' : '') + opts.format(v))));
      });
      const every = Math.ceil(points.length / 12);
      if (i % every === 0) {
        svg.appendChild(s('text', { x: L + i * bw + bw / 2, y: H - B + 14, 'text-anchor': 'middle' }, p.label.slice(5) || p.label));
      }
    });
    svg.appendChild(s('line', { x1: L, x2: W - 5, y1: H - B, y2: H - B, class: 'axis' }));
    return h('div', null, svg, opts.series ? legend(opts.series) : null);
  }
  function legend(names) {
    return h('div', { class: 'legend' }, names.map((n, i) => h('span', null, h('i', { class: 's' + (i % COLORS) }), n)));
  }
  function hbars(items, format, key) {
    // items: [{label, value}]
    const W = 760; const row = 24; const L = 230;
    const max = Math.max(1e-12, ...items.map((x) => x.value));
    const svg = s('svg', { viewBox: `0 0 ${W} ${Math.max(row, items.length * row)}`, 'data-k': key, role: 'img' });
    items.forEach((x, i) => {
      const w = (W - L - 110) * x.value / max;
      svg.appendChild(s('text', { x: L - 6, y: i * row + 16, 'text-anchor': 'end' }, x.label.length > 34 ? x.label.slice(0, 33) + '…' : x.label));
      svg.appendChild(s('rect', { x: L, y: i * row + 4, width: Math.max(1, w), height: row - 8, class: 's' + (i % COLORS) }));
      svg.appendChild(s('text', { x: L + w + 6, y: i * row + 16 }, format(x.value)));
    });
    return svg;
  }

  // ---- views ----
  const views = {};

  views.overview = async () => {
    const o = await api('/api/overview');
    return [
      h('h1', null, 'Overview ', h('span', { class: 'muted' }, o.today + ' (' + o.timezone + ')')),
      h('div', { class: 'grid' },
        card('Cost today', money(o.costToday), 'cost-today'),
        card('This week', money(o.costThisWeek), 'cost-week'),
        card('This month', money(o.costThisMonth), 'cost-month', 'projected ' + money(o.projectedMonth)),
        card('Tokens today', num(o.tokensToday.total), 'tokens-today'),
        card('Sessions', num(o.sessions), 'sessions', num(o.activeSessions.length) + ' active (30 min)'),
        card('Failing crons', num(o.failingCrons.length), 'failing-crons'),
        card('Warnings', num(o.warnings.length), 'warnings')),
      h('h2', null, 'Top models this month'),
      table(['Model', 'Provider', '>Calls', '>Tokens', '>Cost', 'Source'],
        o.topModels.map((m) => [m.model, m.provider, num(m.calls), num(m.tokens.total), money(m.cost), m.costSource]), 'top-models'),
      h('h2', null, 'Active sessions'),
      o.activeSessions.length ? table(['Session', 'Agent', 'Model', 'Updated'],
        o.activeSessions.map((x) => [sessionLink(x.key), x.agentId, x.model, when(x.updatedAt)]), 'active-sessions')
        : h('p', { class: 'muted' }, 'No session updated in the last 30 minutes.'),
      h('h2', null, 'Failing crons'),
      o.failingCrons.length ? table(['Job', 'Agent', 'Last status', '>Errors in a row', 'Last error'],
        o.failingCrons.map((j) => [j.name, j.agentId, badge(j.state.lastStatus), num(j.state.consecutiveErrors), j.state.lastError]), 'failing')
        : h('p', { class: 'muted' }, 'None.'),
      h('h2', null, 'Warnings'),
      warningsTable(o.warnings),
    ];
  };

  function warningsTable(ws) {
    if (!ws || !ws.length) return h('p', { class: 'muted' }, 'None.');
    return table(['Kind', 'Source', '>Count', 'Message'], ws.map((w) => [w.kind, w.source, num(w.count), w.message]), 'warnings');
  }

  views.flow = async () => {
    const f = await api('/api/flow');
    const cols = [
      f.channels.map((c) => ({ label: c.name, n: c.calls })),
      [{ label: 'gateway', n: f.sessions, unit: 'sessions' }],
      f.models.map((m) => ({ label: m.name, n: m.calls })),
      f.tools.slice(0, 14).map((t) => ({ label: t.name, n: t.calls })),
    ];
    const titles = ['Channels (calls)', 'Gateway', 'Models (calls)', 'Tools (calls)'];
    const W = 980; const colW = 190; const gap = (W - 4 * colW) / 3; const rowH = 34;
    const H = Math.max(160, 40 + Math.max(...cols.map((c) => c.length)) * rowH);
    const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'flow', 'data-k': 'flow' });
    const pos = cols.map((c, ci) => c.map((n, i) => {
      const x = ci * (colW + gap);
      const y = 30 + (H - 40 - c.length * rowH) / 2 + i * rowH;
      return { x, y, n };
    }));
    const maxN = Math.max(1, ...cols.flat().map((n) => n.n));
    const linkTo = (a, b, n) => {
      const x1 = a.x + colW; const y1 = a.y + 13; const x2 = b.x; const y2 = b.y + 13; const mx = (x1 + x2) / 2;
      svg.appendChild(s('path', { d: `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`, class: 'link', 'stroke-width': 1 + 10 * n / maxN }));
    };
    const gw = pos[1][0];
    pos[0].forEach((p) => linkTo(p, gw, p.n.n));
    pos[2].forEach((p) => linkTo(gw, p, p.n.n));
    pos[3].forEach((p) => { if (pos[2].length) linkTo({ x: pos[2][0].x, y: p.y }, p, p.n.n); });
    titles.forEach((t, ci) => svg.appendChild(s('text', { x: ci * (colW + gap), y: 14, class: 'muted' }, t)));
    pos.forEach((c) => c.forEach((p) => {
      svg.appendChild(s('rect', { x: p.x, y: p.y, width: colW, height: 26, rx: 6, class: 'node' }));
      const label = p.n.label.length > 22 ? p.n.label.slice(0, 21) + '…' : p.n.label;
      svg.appendChild(s('text', { x: p.x + 8, y: p.y + 17 }, label));
      svg.appendChild(s('text', { x: p.x + colW - 8, y: p.y + 17, 'text-anchor': 'end' }, num(p.n.n)));
    }));
    return [h('h1', null, 'Flow'), h('p', { class: 'muted' },
      'Channels → gateway → models → tools. Tool calls from the ' + f.toolSessionsScanned + ' most recently updated sessions.'), svg];
  };

  views.sessions = async () => {
    const d = await api('/api/sessions');
    const f = state.sessionFilter;
    const uniq = (k) => [...new Set(d.sessions.map((x) => x[k]).filter((x) => x))].sort();
    const sel = (k, label) => h('label', null, label + ' ', h('select', { 'data-filter': k, onchange: (e) => { f[k] = e.target.value; rerender(); } },
      h('option', { value: '' }, 'all'), uniq(k).map((v) => h('option', { value: v, selected: f[k] === v }, v))));
    const rows = d.sessions.filter((x) => ['agentId', 'kind', 'status'].every((k) => !f[k] || x[k] === f[k]));
    return [
      h('h1', null, 'Sessions ', h('span', { class: 'muted', 'data-k': 'sessions-count' }, rows.length + ' of ' + d.sessions.length)),
      h('div', { class: 'filters' }, sel('agentId', 'Agent'), sel('kind', 'Kind'), sel('status', 'Status')),
      table(['Session', 'Agent', 'Kind', 'Status', 'Model', '>Context', 'Channel', 'Updated', ''],
        rows.map((x) => [sessionLink(x.key), x.agentId, x.kind, badge(x.status), x.model, contextGauge(x, 'context'), x.channel, when(x.updatedAt),
          link('#transcript/' + encodeURIComponent(x.key), 'transcript')]), 'sessions'),
      h('h2', null, 'Warnings'), warningsTable(d.warnings),
    ];
  };

  views.session = async (key) => {
    const [d, t] = await Promise.all([api('/api/sessions/' + encodeURIComponent(key)), api('/api/timeline/' + encodeURIComponent(key) + '?mode=' + encodeURIComponent(state.usage.mode))]);
    const x = d.session;
    const u = d.usage;
    const out = [
      h('h1', null, 'Session ', h('span', { 'data-k': 'session-key' }, x.key)),
      h('p', { class: 'muted' }, x.agentId + ' · ' + x.kind + ' · ', badge(x.status), ' · ', x.model || '', ' · ',
        link('#transcript/' + encodeURIComponent(x.key), 'transcript'),
        x.spawnedBy ? [' · spawned by ', sessionLink(x.spawnedBy)] : null),
      h('div', { class: 'grid' },
        card('Cost', money(u && u.cost), 'session-cost', u ? u.costSource : null),
        card('Tokens', num(u && u.tokens.total), 'session-tokens',
          u ? 'in ' + num(u.tokens.input) + ' · out ' + num(u.tokens.output) + ' · cache ' + num(u.tokens.cacheRead) : null),
        card('Model calls', num(u && u.calls), 'session-calls', u && u.errors ? u.errors + ' failed' : null),
        card('Turns', num(t.turns.length), 'session-turns', t.abandonedEvents ? t.abandonedEvents + ' entries on abandoned branches' : 'one branch'),
        card('Context', contextGauge(x, 'session-context'), null,
          x.contextWindow ? num(x.contextTokens) + ' of ' + num(x.contextWindow) + ' tokens' : 'window unknown')),
      d.children.length ? h('p', null, 'Spawned: ', d.children.map((c, i) => [i ? ', ' : '', sessionLink(c)])) : null,
      h('h2', null, 'Timeline'),
    ];
    const list = h('div', { 'data-k': 'timeline' });
    for (const turn of t.turns) {
      list.appendChild(h('div', { class: 'turn' + (turn.active ? '' : ' abandoned') },
        h('div', { class: 'muted' }, 'Turn ' + (turn.index + 1) + (turn.active ? '' : ' (abandoned branch)') + ' · ' + when(turn.startedAt) +
          ' · ' + num(turn.calls) + ' calls · ' + num(turn.tokens.total) + ' tokens · ' + (turn.calls ? costText(turn.cost, turn.costSource) : 'no model calls') +
          ' · latency ' + dur(turn.latencyMs) + ' · ' + num(turn.toolCalls) + ' tool calls'),
        turn.steps.map(stepView)));
    }
    out.push(list);
    return out;
  };

  // a call's or turn's cost with where it came from (recorded by OpenClaw, estimated from prices, or no price found)
  function costText(cost, source) {
    if (!source) return 'no model calls';
    return source === 'unknown' ? 'cost unknown (no price)' : money(cost) + ' ' + source;
  }

  function stepView(st) {
    const meta = [h('b', null, st.kind), when(st.timestamp)];
    if (st.kind === 'assistant') {
      meta.push(st.model || '');
      if (st.usage) meta.push(num(st.usage.total) + ' tokens (in ' + num(st.usage.input) + ', out ' + num(st.usage.output) +
        ', cache r/w ' + num(st.usage.cacheRead) + '/' + num(st.usage.cacheWrite) + ')');
      meta.push(costText(st.cost, st.costSource));
      meta.push('latency ' + dur(st.latencyMs));
      if (st.stopReason) meta.push(st.stopReason);
    }
    if (st.kind === 'toolResult') { meta.push(st.toolName || ''); if (st.isError) meta.push(badge('error')); }
    if (!st.active) meta.push(badge('abandoned', 'warn'));
    return h('div', { class: 'step kind-' + st.kind + (st.active ? '' : ' abandoned') },
      h('div', { class: 'meta' }, meta.map((m) => h('span', null, m))),
      st.errorMessage ? h('pre', { class: 'level-error' }, st.errorMessage) : null,
      (st.thinking || []).map((th) => h('details', null, h('summary', null, 'thinking' + (th.redacted ? ' (redacted)' : '')),
        h('pre', { class: 'thinking' }, th.text || ''))),
      st.text ? h('pre', { class: 'text' }, st.text) : null,
      (st.toolCalls || []).map((c) => h('details', null, h('summary', null, 'tool call ' + (c.name || '?')), h('pre', null, c.arguments || ''))));
  }

  const TYPES = ['user', 'assistant', 'toolResult', 'toolCall', 'thinking', 'text', 'compaction', 'model_change',
    'branch_summary', 'custom', 'custom_message', 'label', 'session_info', 'unknown'];
  views.transcript = async (key) => {
    // costs priced in the cost mode chosen on the usage view
    const q = '?mode=' + encodeURIComponent(state.usage.mode) +
      (state.transcriptTypes ? '&types=' + encodeURIComponent(state.transcriptTypes) : '');
    const d = await api('/api/transcript/' + encodeURIComponent(key) + q);
    const chosen = new Set(state.transcriptTypes ? state.transcriptTypes.split(',') : []);
    const boxes = TYPES.map((t) => h('label', null, h('input', { type: 'checkbox', value: t, checked: chosen.has(t),
      onchange: (e) => {
        if (e.target.checked) chosen.add(t); else chosen.delete(t);
        state.transcriptTypes = [...chosen].join(',');
        rerender();
      } }), ' ' + t));
    return [
      h('h1', null, 'Transcript ', h('span', null, key)),
      h('p', null, link('#session/' + encodeURIComponent(key), 'timeline'), ' · ',
        h('span', { 'data-k': 'events-count' }, d.events.length + ' events')),
      h('div', { class: 'filters' }, 'Types:', boxes),
      h('div', { 'data-k': 'transcript' }, d.events.map(eventView)),
      h('h2', null, 'Warnings'), warningsTable(d.warnings),
    ];
  };

  function eventView(e) {
    const body = [];
    if (e.content) {
      for (const b of e.content) {
        if (b.type === 'text') body.push(h('pre', { class: 'text' }, b.text || ''));
        else if (b.type === 'thinking') body.push(h('pre', { class: 'thinking' }, b.thinking || ''));
        else if (b.type === 'toolCall') body.push(h('pre', null, '→ ' + (b.name || '?') + ' ' + (b.arguments || '')));
        else if (b.type === 'image') body.push(h('pre', null, '[image ' + (b.mimeType || '') + ']'));
        else body.push(h('pre', null, '[' + b.type + ']'));
      }
    }
    for (const k of ['summary', 'text', 'label', 'name', 'modelId', 'thinkingLevel', 'data', 'json']) {
      if (typeof e[k] === 'string' && e[k]) body.push(h('pre', null, e[k]));
    }
    const usage = e.usage ? num(e.usage.total) + ' tokens' + (e.costSource ? ' · ' + costText(e.cost, e.costSource) : '') : null;
    return h('div', { class: 'step event kind-' + (e.role || e.type) },
      h('div', { class: 'meta' }, h('b', null, e.role || e.type), h('span', null, when(e.timestamp)),
        e.model ? h('span', null, e.model) : null, usage ? h('span', null, usage) : null,
        e.toolName ? h('span', null, e.toolName) : null, e.isError ? badge('error') : null),
      e.errorMessage ? h('pre', { class: 'level-error' }, e.errorMessage) : null, body);
  }

  views.subagents = async () => {
    const d = await api('/api/subagents');
    const node = (n) => h('li', null,
      sessionLink(n.sessionKey), ' ', badge(n.status), ' ',
      h('span', { class: 'muted' }, 'own ' + money(n.ownCost) + ' · total '),
      h('b', { 'data-k': 'tree-total' }, money(n.totalCost)),
      h('span', { class: 'muted' }, ' · ' + num(n.totalTokens.total) + ' tokens' + (n.runtimeMs !== null ? ' · ' + dur(n.runtimeMs) : '') +
        (n.run && n.run.task ? ' · ' + n.run.task : '')),
      n.children.length ? h('ul', null, n.children.map(node)) : null);
    return [
      h('h1', null, 'Sub-agents'),
      d.tree.length ? h('div', { class: 'tree', 'data-k': 'tree' }, h('ul', null, d.tree.map(node))) : h('p', { class: 'muted' }, 'No sub-agents.'),
      h('h2', null, 'Runs'),
      table(['Child', 'Requester', 'Agent', '>Depth', 'Status', 'Model', 'Created', 'Ended', 'Task'],
        d.runs.map((r) => [sessionLink(r.childSessionKey), r.requesterSessionKey, r.agentId, num(r.depth), badge(r.status), r.model,
          when(r.createdAt), when(r.endedAt), r.task]), 'runs'),
    ];
  };

  views.usage = async () => {
    const u = state.usage;
    const qs = (period, mode) => '?period=' + period + '&mode=' + (mode || u.mode) + (u.tz ? '&tz=' + encodeURIComponent(u.tz) : '');
    const [daily, models, agents, recorded] = await Promise.all([
      api('/api/usage' + qs('daily')), api('/api/usage' + qs('model')), api('/api/usage' + qs('agent')), api('/api/usage' + qs('daily', 'display'))]);
    const t = daily.totals;
    const estimated = Number(t.totalCost) - Number(recorded.totals.totalCost);
    const modeSel = h('select', { 'data-filter': 'mode', onchange: (e) => { u.mode = e.target.value; rerender(); } },
      ['auto', 'calculate', 'display'].map((m) => h('option', { value: m, selected: u.mode === m }, m)));
    const tzIn = h('input', { 'data-filter': 'tz', placeholder: 'time zone (IANA), default server', value: u.tz,
      onchange: (e) => { u.tz = e.target.value.trim(); rerender(); } });
    return [
      h('h1', null, 'Usage'),
      h('div', { class: 'filters' }, 'Cost mode ', modeSel, tzIn,
        h('a', { href: '/api/usage.csv' + qs('daily'), download: 'clawmetry-usage-daily.csv', 'data-k': 'csv' }, 'Download CSV')),
      h('div', { class: 'grid' },
        card('Total cost', money(t.totalCost), 'usage-cost', t.costSource),
        card('Total tokens', num(t.totalTokens), 'usage-tokens'),
        card('Input', num(t.inputTokens), 'usage-input'),
        card('Output', num(t.outputTokens), 'usage-output'),
        card('Cache read', num(t.cacheReadTokens), 'usage-cache-read'),
        card('Cache write', num(t.cacheCreationTokens), 'usage-cache-write'),
        card('Model calls', num(t.calls), 'usage-calls', t.errors ? t.errors + ' failed' : null),
        card('Recorded / estimated', money(recorded.totals.totalCost) + ' / ' + money(Math.max(0, estimated)), 'usage-recorded',
          'recorded by OpenClaw vs estimated from prices')),
      h('h2', null, 'Cost by day'),
      barChart(daily.daily.map((r) => ({ label: r.date, values: [Number(r.totalCost)] })), { format: money, key: 'chart-cost', title: 'cost by day' }),
      h('h2', null, 'Tokens by day and type'),
      barChart(daily.daily.map((r) => ({ label: r.date, values: [r.inputTokens, r.outputTokens, r.cacheReadTokens, r.cacheCreationTokens] })),
        { format: (v) => num(Math.round(v)), series: ['input', 'output', 'cache read', 'cache write'], key: 'chart-tokens', title: 'tokens by day' }),
      h('h2', null, 'By model'),
      hbars(models.models.map((r) => ({ label: r.model, value: Number(r.totalCost) })), money, 'chart-models'),
      table(['Model', '>Calls', '>Input', '>Output', '>Cache read', '>Cache write', '>Tokens', '>Cost', 'Source'],
        models.models.map((r) => [r.model, num(r.calls), num(r.inputTokens), num(r.outputTokens), num(r.cacheReadTokens),
          num(r.cacheCreationTokens), num(r.totalTokens), money(r.totalCost), r.costSource]), 'usage-models'),
      h('h2', null, 'By agent'),
      hbars(agents.agents.map((r) => ({ label: r.agent, value: Number(r.totalCost) })), money, 'chart-agents'),
      table(['Agent', '>Calls', '>Tokens', '>Cost', 'Source'],
        agents.agents.map((r) => [r.agent, num(r.calls), num(r.totalTokens), money(r.totalCost), r.costSource]), 'usage-agents'),
      h('h2', null, 'Warnings'), warningsTable(daily.warnings),
    ];
  };

  views.crons = async () => {
    const d = await api('/api/crons');
    const sched = (x) => x ? (x.expr || (x.everyMs ? 'every ' + dur(x.everyMs) : x.at) || x.kind) + (x.timeZone ? ' (' + x.timeZone + ')' : '') : '–';
    const act = (j, action) => h('button', { class: action === 'run' ? 'primary' : '', 'data-action': action, 'data-job': j.id,
      onclick: async () => {
        if (!(await confirmStep(action[0].toUpperCase() + action.slice(1) + ' cron job "' + j.name + '"?'))) return;
        const r = await post('/api/crons/' + encodeURIComponent(j.id) + '/' + action);
        toast(r.body.ok ? action + ': ' + (r.body.message || 'done') : 'Not done: ' + (r.body.message || r.body.error || r.status));
        if (r.body.ok) rerender();
      } }, action);
    const out = [
      h('h1', null, 'Crons ', h('span', { class: 'muted', 'data-k': 'cron-count' }, d.jobs.length + ' jobs')),
      table(['Job', 'Agent', 'Enabled', 'Schedule', 'Last run', 'Last status', '>Errors in a row', 'Next run', 'Actions'],
        d.jobs.map((j) => [j.name, j.agentId, j.enabled ? 'yes' : 'no', sched(j.schedule), when(j.state.lastRunAt),
          badge(j.state.lastStatus), num(j.state.consecutiveErrors), when(j.state.nextRunAt),
          h('span', { class: 'filters' }, link('#crons/' + encodeURIComponent(j.id), 'runs'), j.enabled ? act(j, 'disable') : act(j, 'enable'), act(j, 'run'))]), 'crons'),
    ];
    if (state.arg) {
      const r = await api('/api/crons/' + encodeURIComponent(state.arg) + '/runs');
      out.push(h('h2', null, 'Runs of ' + ((d.jobs.find((j) => j.id === state.arg) || {}).name || state.arg)),
        table(['Started', 'Status', '>Duration', 'Model', 'Session', 'Error / summary'],
          r.runs.map((x) => [when(x.startedAt), badge(x.status), dur(x.durationMs), x.model,
            x.sessionKey ? sessionLink(x.sessionKey) : x.sessionId, x.error || x.summary]), 'cron-runs'));
    }
    out.push(h('h2', null, 'Warnings'), warningsTable(d.warnings));
    return out;
  };

  views.health = async () => {
    const [x, g] = await Promise.all([api('/api/system-health'), api('/api/gateway')]);
    const bar = (p, warn) => h('div', { class: 'bar' + (warn ? ' warn' : '') }, (() => { const e = h('span'); e.style.width = Math.min(100, p || 0) + '%'; return e; })());
    return [
      h('h1', null, 'Health'),
      h('div', { class: 'grid' },
        x.disk ? h('div', { class: 'card' }, h('div', { class: 'label' }, 'Disk (OpenClaw home)'),
          h('div', { class: 'value', 'data-k': 'disk' }, pct(x.disk.usedPercent)), bar(x.disk.usedPercent, x.disk.warning),
          h('div', { class: 'sub' }, bytes(x.disk.availableBytes) + ' free of ' + bytes(x.disk.totalBytes) + (x.disk.warning ? ' — above ' + x.disk.warnPercent + '%' : ''))) : null,
        x.memory ? h('div', { class: 'card' }, h('div', { class: 'label' }, 'Memory'), h('div', { class: 'value', 'data-k': 'memory' }, pct(x.memory.usedPercent)),
          bar(x.memory.usedPercent, x.memory.usedPercent > 90), h('div', { class: 'sub' }, bytes(x.memory.availableBytes) + ' available of ' + bytes(x.memory.totalBytes))) : null,
        x.load ? card('Load (1 min)', x.load.oneMinute === null ? '–' : String(x.load.oneMinute), 'load',
          x.load.processors + ' processors' + (x.load.fiveMinutes === null ? '' : ' · 5 min ' + x.load.fiveMinutes + ' · 15 min ' + x.load.fifteenMinutes)) : null,
        card('Host uptime', dur(x.uptime.hostMs), 'uptime', 'ClawMetry up ' + dur(x.uptime.jvmMs)),
        x.jvm ? card('JVM heap', bytes(x.jvm.heapUsedBytes), 'heap', 'max ' + bytes(x.jvm.heapMaxBytes) + ' · Java ' + x.jvm.version) : null,
        card('Gateway', g.connected ? 'connected' : 'not connected', 'gateway', g.detail || (g.version ? 'version ' + g.version : null))),
      h('h2', null, 'Ports'),
      table(['Name', '>Port', 'Listening'], x.ports.map((p) => [p.name, String(p.port), badge(p.open ? 'open' : 'closed', p.open ? 'ok' : 'warn')]), 'ports'),
      h('h2', null, 'GPUs'),
      x.gpus.length ? table(['Name', '>Utilisation', '>Memory', '>Temperature'],
        x.gpus.map((p) => [p.name, pct(p.utilizationPercent), num(p.memoryUsedMiB) + ' / ' + num(p.memoryTotalMiB) + ' MiB', p.temperatureC === null ? '–' : p.temperatureC + ' °C']), 'gpus')
        : h('p', { class: 'muted' }, 'No nvidia-smi on this host.'),
      h('h2', null, 'Gateway settings'),
      table(['Setting', 'Value'], [['port', g.settings.port ? g.settings.port.value : '–'], ['bind', g.settings.bind], ['mode', g.settings.mode],
        ['auth', g.settings.authMode], ['credential', g.settings.credential]], 'gateway-settings'),
      x.warnings.length ? [h('h2', null, 'Warnings'), h('ul', { 'data-k': 'health-warnings' }, x.warnings.map((p) => h('li', null, p)))] : null,
      x.problems.length ? [h('h2', null, 'Problems'), h('ul', null, x.problems.map((p) => h('li', null, p)))] : null,
    ];
  };

  views.memory = async () => {
    const d = await api('/api/memory');
    return [h('h1', null, 'Memory files'), d.workspaces.map((w) => h('section', { class: 'memory' },
      h('h2', null, w.workspace, h('span', { class: 'muted' }, ' — ' + w.agents.join(', '))),
      !w.exists ? h('p', { class: 'muted' }, 'Workspace not found.') : w.files.length ? w.files.map((f) => h('details', { 'data-k': 'memory-file' },
        h('summary', null, f.path + ' · ' + bytes(f.sizeBytes) + ' · ' + when(f.modified) + (f.truncated ? ' · truncated' : '')),
        h('pre', null, f.content || ''))) : h('p', { class: 'muted' }, 'No Markdown memory files.')))];
  };

  views.logs = async () => {
    const d = await api('/api/logs?lines=300');
    const lvl = state.logLevel;
    const rows = d.lines.filter((l) => !lvl || l.level === lvl);
    const sel = h('select', { 'data-filter': 'level', onchange: (e) => { state.logLevel = e.target.value; rerender(); } },
      ['', 'trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((v) => h('option', { value: v, selected: lvl === v }, v || 'all levels')));
    return [
      h('h1', null, 'Gateway logs'),
      h('p', { class: 'muted' }, d.file ? d.dir + '/' + d.file : 'No gateway log in ' + (d.dir || '?') + '.'),
      h('div', { class: 'filters' }, sel, h('span', { 'data-k': 'log-count' }, rows.length + ' lines')),
      table(['Time', 'Level', 'Subsystem', 'Message'], rows.slice().reverse().map((l) => [when(l.time),
        h('span', { class: 'level-' + (l.level || '') }, l.level || ''), l.subsystem || '', h('pre', null, l.message)]), 'logs'),
    ];
  };

  // ---- routing and rendering ----
  function parseHash() {
    const raw = location.hash.replace(/^#/, '') || 'overview';
    const i = raw.indexOf('/');
    const view = i < 0 ? raw : raw.slice(0, i);
    let arg = null;
    if (i >= 0) { try { arg = decodeURIComponent(raw.slice(i + 1)); } catch (e) { arg = null; } }
    return { view: views[view] ? view : 'overview', arg };
  }

  async function rerender() {
    const seq = ++renderSeq;
    const { view, arg } = parseHash();
    state.view = view;
    state.arg = arg;
    document.querySelectorAll('#nav a').forEach((a) => a.classList.toggle('active',
      a.dataset.view === view || (view === 'session' || view === 'transcript') && a.dataset.view === 'sessions'));
    try {
      const content = await views[view](arg);
      if (seq !== renderSeq) return;
      const y = window.scrollY;
      main.replaceChildren(...[content].flat(3).filter((x) => x));
      main.dataset.view = view;
      main.dataset.ready = String(seq);
      window.scrollTo(0, y);
    } catch (e) {
      if (seq !== renderSeq) return;
      main.replaceChildren(h('p', { class: 'level-error' }, 'Could not load: ' + e.message));
      main.dataset.ready = String(seq);
    }
  }

  // ---- live updates: one EventSource, no polling ----
  let pending = null;
  function connect() {
    const live = document.getElementById('live');
    const es = new EventSource('/api/events');
    es.addEventListener('hello', () => { live.textContent = 'live'; live.className = 'live on'; });
    es.addEventListener('change', (ev) => {
      let d = {};
      try { d = JSON.parse(ev.data); } catch (e) { /* ignore */ }
      live.title = 'last change ' + (d.at || '') + ' (' + (d.newEvents || 0) + ' new events)';
      clearTimeout(pending);
      pending = setTimeout(rerender, 400);
    });
    es.addEventListener('gateway', (ev) => {
      let d = {};
      try { d = JSON.parse(ev.data); } catch (e) { /* ignore */ }
      toast('gateway: ' + (d.event || 'event'));
      if (state.view === 'crons' || state.view === 'health') { clearTimeout(pending); pending = setTimeout(rerender, 400); }
    });
    es.onerror = () => { live.textContent = 'reconnecting'; live.className = 'live off'; };
  }

  window.addEventListener('hashchange', () => { state.cronRuns = null; rerender(); });
  rerender();
  connect();
})();
