// Refreshes the queue's rows every few seconds, with the page's own filters: new leads appear without a reload.
// The rows are rendered (and escaped) by the server; this only swaps them in.
(() => {
  const body = document.getElementById('queue-rows');
  const status = document.getElementById('queue-status');
  if (!body) return;
  let last = '';
  async function refresh() {
    try {
      const r = await fetch(body.dataset.refresh + window.location.search, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
      if (r.redirected || r.status === 401) { status.textContent = 'Your session ended: reload the page to sign in again.'; return; }
      if (!r.ok) throw new Error(String(r.status));
      const html = await r.text();
      if (html !== last) {
        last = html;
        body.innerHTML = html;
        const count = body.querySelectorAll('tr[data-lead-id]').length;
        status.textContent = `${count} open task(s), updated ${new Date().toLocaleTimeString()}. The list refreshes by itself.`;
      }
    } catch {
      status.textContent = 'Cannot reach the server; retrying.';
    }
  }
  setInterval(refresh, 2000);
})();
