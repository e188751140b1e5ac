// Relais — progressive enhancement of ranking questions. Without this script the plain
// <select>s work; with it, picking a rank already used moves the other option out of the
// way, and a live summary reads the current order to screen readers.
(() => {
  for (const list of document.querySelectorAll('ul.ranking')) {
    const selects = [...list.querySelectorAll('select')];
    const summary = list.nextElementSibling;
    const ol = summary?.querySelector('ol');
    const empty = summary?.querySelector('.rank-empty');
    const labelOf = (s) => list.querySelector(`label[for="${s.id}"]`)?.textContent ?? '';
    const render = () => {
      if (!summary || !ol || !empty) return;
      summary.hidden = false;
      const ranked = selects.filter((s) => s.value).sort((a, b) => Number(a.value) - Number(b.value));
      ol.replaceChildren(...ranked.map((s) => Object.assign(document.createElement('li'), { textContent: labelOf(s) })));
      ol.hidden = ranked.length === 0;
      empty.hidden = ranked.length > 0;
    };
    for (const select of selects) {
      select.addEventListener('change', () => {
        if (select.value) {
          for (const other of selects) if (other !== select && other.value === select.value) other.value = '';
        }
        render();
      });
    }
    render();
  }
})();
