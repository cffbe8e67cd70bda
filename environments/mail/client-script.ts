/**
 * The only client-side code: auto-submitting controls (row checkboxes, Move to / Add label selects),
 * opening and closing <dialog> confirmations, Enter sending the compose form, closing open menus,
 * and dragging message rows onto sidebar folders or labels (the Move to / Add label selects and the
 * row buttons do the same without a mouse).
 */
export const CLIENT_SCRIPT = `
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target instanceof HTMLElement && target.hasAttribute('data-autosubmit') && target.form) {
    if (target instanceof HTMLSelectElement && target.value === '') return;
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
document.addEventListener('keydown', function (event) {
  if (event.key === 'Escape') {
    document.querySelectorAll('details.menu[open]').forEach(function (menu) { menu.removeAttribute('open'); });
  }
  var target = event.target;
  if (event.key !== 'Enter' || !(target instanceof HTMLInputElement) || !target.form) return;
  var name = target.form.getAttribute('data-default-submit');
  if (!name) return;
  var button = target.form.querySelector('button[value="' + name + '"]');
  if (!button) return;
  event.preventDefault();
  target.form.requestSubmit(button);
});
function dropTarget(event) {
  return event.target instanceof Element ? event.target.closest('[data-drop-folder],[data-drop-label]') : null;
}
document.addEventListener('dragstart', function (event) {
  var row = event.target instanceof Element ? event.target.closest('[data-message-id]') : null;
  if (!row || !event.dataTransfer) return;
  event.dataTransfer.setData('text/plain', row.getAttribute('data-message-id'));
  event.dataTransfer.effectAllowed = 'move';
  document.body.classList.add('is-dragging');
});
document.addEventListener('dragend', function () {
  document.body.classList.remove('is-dragging');
});
document.addEventListener('dragover', function (event) {
  var zone = dropTarget(event);
  if (!zone) return;
  event.preventDefault();
  zone.classList.add('drop-hover');
});
document.addEventListener('dragleave', function (event) {
  var zone = dropTarget(event);
  if (zone) zone.classList.remove('drop-hover');
});
document.addEventListener('drop', function (event) {
  var zone = dropTarget(event);
  if (!zone || !event.dataTransfer) return;
  event.preventDefault();
  var id = event.dataTransfer.getData('text/plain');
  if (!/^\\d+$/.test(id)) return;
  var form = document.createElement('form');
  form.method = 'post';
  var folder = zone.getAttribute('data-drop-folder');
  form.action = folder ? '/messages/' + id + '/move' : '/messages/' + id + '/labels';
  var fields = { return: location.pathname + location.search };
  if (folder) fields.folder = folder; else fields.labelId = zone.getAttribute('data-drop-label');
  Object.keys(fields).forEach(function (key) {
    var input = document.createElement('input');
    input.type = 'hidden';
    input.name = key;
    input.value = fields[key];
    form.appendChild(input);
  });
  document.body.appendChild(form);
  form.submit();
});
`;
