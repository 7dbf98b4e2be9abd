// Progressive enhancement only: every page works without this file.
(() => {
  // Focus the error summary so screen readers announce it (GOV.UK "Error summary").
  const summary = document.querySelector('[data-error-summary]');
  if (summary) summary.focus();

  // Copy the query password: the button is hidden until this script can make it work.
  for (const button of document.querySelectorAll('[data-copy]')) {
    const target = document.querySelector(button.getAttribute('data-copy'));
    if (!target || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(target.textContent.trim());
      // The page's words, in its language (QueryPassword.astro).
      button.textContent = button.getAttribute('data-copied');
    });
  }

  // The seed's confirmation dialog before a data application is submitted (seeds/000 §3.3 确认提示).
  const submit = document.querySelector('[data-confirm="catalog"]');
  const dialog = document.getElementById('confirm-dialog');
  if (submit && dialog && typeof dialog.showModal === 'function') {
    let confirmed = false;
    submit.addEventListener('click', (event) => {
      if (confirmed) return;
      event.preventDefault();
      dialog.showModal();
    });
    dialog.querySelector('[data-dialog-confirm]').addEventListener('click', () => {
      confirmed = true;
      dialog.close();
      submit.click();
    });
    dialog.querySelector('[data-dialog-close]').addEventListener('click', () => dialog.close());
  }

  // Repeatable rows: add and remove in the page instead of a round trip (the buttons post without this).
  for (const group of document.querySelectorAll('[data-rows]')) {
    const name = group.getAttribute('data-rows');
    const list = group.querySelector('.rows__list');
    const add = group.querySelector('[data-add-row]');
    const min = Number(group.getAttribute('data-min'));
    const max = Number(group.getAttribute('data-max'));
    const cell = new RegExp(`${name}\\.\\d+\\.`, 'g');
    const renumber = () => {
      const rows = [...list.querySelectorAll(':scope > [data-row]')];
      rows.forEach((row, i) => {
        for (const el of row.querySelectorAll('*')) {
          for (const attr of ['name', 'id', 'for', 'aria-describedby']) {
            const value = el.getAttribute(attr);
            if (value) el.setAttribute(attr, value.replace(cell, `${name}.${i}.`));
          }
          if (el.hasAttribute('data-remove-row')) el.value = `remove-row:${name}:${i}`;
          if (el.hasAttribute('data-row-number')) el.textContent = String(i + 1);
        }
        const remove = row.querySelector('[data-remove-row]');
        if (remove) remove.hidden = rows.length <= min;
      });
      add.hidden = rows.length >= max;
    };
    group.addEventListener('click', (event) => {
      const button = event.target.closest('[data-add-row], [data-remove-row]');
      if (!button) return;
      event.preventDefault();
      if (button.hasAttribute('data-remove-row')) {
        button.closest('[data-row]').remove();
      } else {
        const rows = list.querySelectorAll(':scope > [data-row]');
        const copy = rows[rows.length - 1].cloneNode(true);
        for (const el of copy.querySelectorAll('.question__error')) el.remove();
        for (const el of copy.querySelectorAll('.question--error')) el.classList.remove('question--error');
        for (const input of copy.querySelectorAll('input, select')) {
          input.classList.remove('input--error');
          input.removeAttribute('aria-invalid');
          if (input.type === 'radio' || input.type === 'checkbox') input.checked = false;
          else if (input.tagName === 'SELECT') input.selectedIndex = 0;
          else input.value = '';
        }
        list.append(copy);
        renumber();
        copy.querySelector('input, select')?.focus();
        return;
      }
      renumber();
    });
    renumber();
  }
})();
