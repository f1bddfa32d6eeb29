// The queue: refreshes its rows every few seconds (new leads appear without a reload) keeping keyboard focus and the
// selected rows, and gives a few keyboard shortcuts (listed on the page). The rows are rendered (and escaped) by the
// server; this only swaps them in.
(() => {
  const body = document.getElementById('queue-rows');
  const count = document.getElementById('queue-count');
  const updated = document.getElementById('queue-updated');
  if (!body) return;
  let last = null;

  function rows() { return [...body.querySelectorAll('tr[data-lead-id]')]; }

  async function refresh() {
    try {
      const r = await fetch(body.dataset.refresh, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (r.redirected || r.status === 401) { updated.textContent = 'Your session ended: reload the page to sign in again.'; return; }
      if (!r.ok) throw new Error(String(r.status));
      const html = await r.text();
      updated.textContent = `Updated ${new Date().toLocaleTimeString()}.`;
      if (html === last) return;
      last = html;
      // Keep what the person was doing: the focused control (or the row at the same place) and the ticked boxes.
      const active = document.activeElement;
      const key = active && body.contains(active) ? active.dataset.key : null;
      const index = key ? rows().indexOf(active.closest('tr')) : -1;
      const checked = [...body.querySelectorAll('input[type=checkbox]:checked')].map(c => c.value);
      body.innerHTML = html;
      for (const value of checked) {
        const box = body.querySelector(`input[type=checkbox][value="${CSS.escape(value)}"]`);
        if (box) box.checked = true;
      }
      if (key) {
        const same = body.querySelector(`[data-key="${CSS.escape(key)}"]`);
        const fallback = rows()[Math.min(index, rows().length - 1)]?.querySelector('a[data-key]');
        (same || fallback)?.focus({ preventScroll: true });
      }
      const total = r.headers.get('X-Total-Count');
      // Said again only when the number changes, so a screen reader is not interrupted every refresh.
      if (total !== null && count.dataset.total !== total) {
        count.dataset.total = total;
        const n = Number(total);
        count.textContent = n === 0 ? 'No open tasks match.' : n === 1 ? '1 open task.' : `${n} open tasks.`;
      }
    } catch {
      updated.textContent = 'Cannot reach the server; retrying.';
    }
  }
  setInterval(refresh, 3000);

  // After "Assign to me" the page comes back at the row: focus it again.
  if (location.hash.startsWith('#row-')) document.getElementById(location.hash.slice(1))?.querySelector('a[data-key]')?.focus();

  function focusRow(i) {
    const all = rows();
    if (all.length === 0) return;
    const row = all[Math.max(0, Math.min(i, all.length - 1))];
    row.querySelector('a[data-key]')?.focus();
    row.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.target;
    const typing = target instanceof HTMLElement && (target.matches('input:not([type=checkbox]), textarea, select') || target.isContentEditable);
    if (typing) { if (e.key === 'Escape') target.blur(); return; }
    const row = document.activeElement?.closest?.('tr[data-lead-id]');
    const i = row ? rows().indexOf(row) : -1;
    switch (e.key) {
      case 'j': focusRow(i + 1); break;
      case 'k': focusRow(i < 0 ? 0 : i - 1); break;
      case 'm': row?.querySelector('[data-action=mine]')?.click(); break;
      case 'x': { const box = row?.querySelector('input[type=checkbox]'); if (box) box.checked = !box.checked; break; }
      case 'a': document.getElementById('bulk-coordinator')?.focus(); break;
      case '/': document.getElementById('search')?.focus(); break;
      case '?': { const help = document.getElementById('shortcuts'); if (help) help.open = !help.open; break; }
      default: return;
    }
    e.preventDefault();
  });
})();
