// The live compliance preview (the compose page, and the admins' template editor, which has no lead: its channel, language
// and condition come from its own fields): as the coordinator types, the draft goes to the compliance check (nothing is recorded or
// sent), violations are marked in a copy of the text, the disclaimers that will be attached are shown, and Send is
// enabled only while the check says cleared. The server checks again on send.
(() => {
  const form = document.getElementById('compose-form');
  if (!form) return;
  const send = document.getElementById('send');
  const body = document.getElementById('body');
  const subject = document.getElementById('subject');
  const status = document.getElementById('preview-status');
  const highlighted = document.getElementById('highlighted');
  const violations = document.getElementById('violations');
  const disclaimers = document.getElementById('disclaimers');
  const channel = document.getElementById('channel');
  const language = document.getElementById('language');
  const condition = document.getElementById('condition');
  const templateId = document.getElementById('template-id');
  const sendLabel = send.textContent;
  let timer = 0;
  let sequence = 0;

  function mark(text, marks) {
    const parts = [];
    let at = 0;
    for (const v of marks.sort((a, b) => a.start - b.start)) {
      if (v.start < at) continue;
      parts.push(document.createTextNode(text.slice(at, v.start)));
      const m = document.createElement('mark');
      m.className = v.severity === 'review' ? 'review' : 'violation';
      m.title = (v.severity === 'review' ? 'Review: ' : 'Blocked: ') + v.advice;
      m.textContent = text.slice(v.start, v.start + v.length);
      parts.push(m);
      at = v.start + v.length;
    }
    parts.push(document.createTextNode(text.slice(at)));
    return parts;
  }

  async function check() {
    const mine = ++sequence;
    send.disabled = true;
    if (!body.value.trim()) { status.textContent = 'Write a message to check it.'; highlighted.replaceChildren(); return; }
    status.textContent = 'Checking…';
    const draft = {
      leadId: form.dataset.leadId, channel: channel ? channel.value : form.dataset.channel,
      subject: subject ? subject.value : null, body: body.value,
      language: language ? language.value : undefined, condition: condition ? condition.value : undefined,
      templateId: templateId ? templateId.value : undefined,
    };
    try {
      const r = await fetch('/api/v1/compliance/check', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(draft),
      });
      if (mine !== sequence) return;
      if (r.status === 401) { status.textContent = 'Your session ended: reload the page to sign in again.'; return; }
      const result = await r.json();
      if (!r.ok) {
        status.textContent = 'The draft is not complete: ' + Object.values(result.errors || {}).flat().join(' ');
        return;
      }
      const findings = result.findings || result.violations;
      const blocked = result.decision === 'blocked';
      const review = result.decision === 'review';
      const template = !!form.dataset.template;
      status.className = blocked ? 'decision-blocked' : review ? 'decision-review' : 'decision-cleared';
      status.textContent = blocked
        ? `Blocked: ${findings.filter(f => f.severity !== 'review').length} problem(s) to fix before this can be sent.`
        : review
          ? (template
            ? `Review: ${findings.length} finding(s) a compliance officer must look at. It can be saved; the officer sees them before approving it for coordinators.`
            : `Review: ${findings.length} finding(s) a compliance officer must look at. Sending puts it in the review queue; nothing goes out until it is approved.`)
          : (template ? 'Cleared: this can be saved (coordinators can use it once a compliance officer approves it).' : 'Cleared: this can be sent.');
      highlighted.replaceChildren(...mark(body.value, findings.filter(v => v.field === 'body' && v.length > 0)));
      violations.replaceChildren(...findings.map(v => {
        const li = document.createElement('li');
        li.className = v.severity === 'review' ? 'finding-review' : 'finding-block';
        li.textContent = (v.severity === 'review' ? 'Review — ' : 'Blocked — ') + (v.match ? `“${v.match}”${v.field === 'subject' ? ' (subject)' : ''}: ` : '') + v.advice
          + (v.suggestion ? ` Suggested: “${v.suggestion}”` : '');
        return li;
      }));
      if (!template) send.textContent = review ? 'Send for review' : sendLabel;
      disclaimers.replaceChildren(...result.disclaimers.map(d => {
        const box = document.createElement('div');
        const h = document.createElement('h4');
        h.textContent = `${d.id}, version ${d.version}`;
        const p = document.createElement('pre');
        p.className = 'message';
        p.textContent = d.text;
        box.append(h, p);
        return box;
      }));
      send.disabled = blocked;
    } catch {
      if (mine === sequence) status.textContent = 'The compliance check cannot be reached; Send stays disabled.';
    }
  }

  function soon() { send.disabled = true; clearTimeout(timer); timer = setTimeout(check, 250); }
  body.addEventListener('input', soon);
  for (const f of [subject, channel, language, condition]) if (f) { f.addEventListener('input', soon); f.addEventListener('change', soon); }
  check();
})();
