// Progressive enhancement only: every page works without this file (issue 4).
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
      button.textContent = '已复制';
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
})();
