/**
 * The only client-side code: auto-submitting controls (wishlist hearts, cart quantity selects),
 * opening/closing <dialog> confirmations, and closing an open <details> menu on outside clicks.
 * Everything else is plain forms and links.
 */
export const CLIENT_SCRIPT = `
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target instanceof HTMLElement && target.hasAttribute('data-autosubmit') && target.form) {
    target.form.requestSubmit();
  }
});
document.addEventListener('click', function (event) {
  var target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  document.querySelectorAll('details.menu[open]').forEach(function (menu) {
    if (!menu.contains(target)) menu.removeAttribute('open');
  });
  var opener = target.closest('[data-open-dialog]');
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
    if (dialog && typeof dialog.showModal === 'function') dialog.showModal();
    return;
  }
  var closer = target.closest('[data-close-dialog]');
  if (closer) {
    var parent = closer.closest('dialog');
    if (parent) parent.close();
  }
});
`;
