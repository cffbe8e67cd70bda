/**
 * The only client-side code: auto-submitting controls (row star checkboxes), opening and closing
 * <dialog> confirmations, and the editor toolbar that inserts markdown into the content textarea.
 */
export const CLIENT_SCRIPT = `
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target instanceof HTMLElement && target.hasAttribute('data-autosubmit') && target.form) {
    target.form.requestSubmit();
  }
});
var FORMATS = {
  bold: { wrap: ['**', '**'], sample: 'bold text' },
  italic: { wrap: ['*', '*'], sample: 'italic text' },
  code: { wrap: ['\`', '\`'], sample: 'code' },
  link: { wrap: ['[[', ']]'], sample: 'Page title' },
  heading: { line: '## ', sample: 'Heading' },
  bullets: { line: '- ', sample: 'List item' },
  numbers: { line: '1. ', sample: 'Step' }
};
function applyFormat(area, format) {
  var spec = FORMATS[format];
  if (!spec) return;
  var start = area.selectionStart, end = area.selectionEnd, value = area.value;
  var selected = value.slice(start, end) || spec.sample;
  var insert, caretStart, caretEnd;
  if (spec.wrap) {
    insert = spec.wrap[0] + selected + spec.wrap[1];
    caretStart = start + spec.wrap[0].length;
    caretEnd = caretStart + selected.length;
  } else {
    var lineStart = value.lastIndexOf('\\n', start - 1) + 1;
    var atLineStart = start === lineStart;
    insert = (atLineStart ? '' : '\\n') + selected.split('\\n').map(function (line) { return spec.line + line; }).join('\\n');
    caretStart = start + insert.length - selected.length;
    caretEnd = start + insert.length;
  }
  area.setRangeText(insert, start, end, 'end');
  area.focus();
  area.setSelectionRange(caretStart, caretEnd);
  area.dispatchEvent(new Event('input', { bubbles: true }));
}
document.addEventListener('toggle', function (event) {
  var details = event.target;
  if (!(details instanceof HTMLDetailsElement)) return;
  var summary = details.querySelector(':scope > summary');
  if (summary) summary.setAttribute('aria-expanded', details.open ? 'true' : 'false');
}, true);
document.addEventListener('click', function (event) {
  var target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  var tool = target.closest('[data-format]');
  if (tool) {
    var area = document.getElementById(tool.getAttribute('data-target'));
    if (area instanceof HTMLTextAreaElement) applyFormat(area, tool.getAttribute('data-format'));
    return;
  }
  var opener = target.closest('[data-open-dialog]');
  if (opener) {
    var dialog = document.getElementById(opener.getAttribute('data-open-dialog'));
    if (dialog && typeof dialog.showModal === 'function') dialog.showModal();
    var menu = opener.closest('details.menu');
    if (menu) menu.removeAttribute('open');
    return;
  }
  var closer = target.closest('[data-close-dialog]');
  if (closer) {
    var parent = closer.closest('dialog');
    if (parent) parent.close();
    return;
  }
  document.querySelectorAll('details.menu[open]').forEach(function (menu) {
    if (!menu.contains(target)) menu.removeAttribute('open');
  });
});
`;
