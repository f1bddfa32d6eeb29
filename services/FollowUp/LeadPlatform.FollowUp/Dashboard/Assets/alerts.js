// New-lead alerts while the dashboard is open: asks the server every few seconds what was assigned to me since the last
// look (first name, tier and a link only) and says so on the page, with a sound and, once allowed, a browser notification.
(() => {
  const root = document.getElementById('alerts');
  if (!root) return;
  const feed = root.dataset.feed;
  const button = root.querySelector('button');
  const line = root.querySelector('.alert-line');
  let since = null;
  let audio = null;

  function beep() {
    try {
      audio = audio || new AudioContext();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.value = 0.08;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch { /* no sound on this browser */ }
  }

  function showButton() {
    button.hidden = !('Notification' in window) || Notification.permission !== 'default';
  }
  button.addEventListener('click', async () => {
    try { audio = audio || new AudioContext(); await audio.resume(); } catch { /* no sound */ }
    if ('Notification' in window) await Notification.requestPermission();
    showButton();
  });
  showButton();

  function say(alert) {
    const text = `${alert.reoffered ? 'Re-offered to you' : 'New lead for you'}: ${alert.firstName}, tier ${alert.tier}`;
    line.replaceChildren();
    const link = document.createElement('a');
    link.href = alert.url;
    link.textContent = `${text}. Open the lead`;
    line.append(link);
    line.hidden = false;
    if ('Notification' in window && Notification.permission === 'granted') {
      const n = new Notification(text, { body: 'Open the lead to contact them.', tag: alert.taskId });
      n.onclick = () => { window.focus(); location.href = alert.url; };
    }
    beep();
  }

  async function poll() {
    try {
      const r = await fetch(since ? `${feed}?since=${encodeURIComponent(since)}` : feed, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } });
      if (!r.ok) return;
      const data = await r.json();
      since = data.now;
      for (const alert of data.items) say(alert);
    } catch { /* try again at the next look */ }
  }
  poll();
  setInterval(poll, 4000);
})();
