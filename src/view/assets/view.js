// trajsynth viewer: filters on the overview, the step timeline on chain and episode pages.
// A classic script (no modules, no network): the site opens from disk as well as from a server.
(function () {
  'use strict';

  function data(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) {
      if (key === 'text') node.textContent = attributes[key];
      else node.setAttribute(key, attributes[key]);
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function hashParams() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (pair) {
      if (!pair) return;
      var index = pair.indexOf('=');
      if (index > 0) params[decodeURIComponent(pair.slice(0, index))] = decodeURIComponent(pair.slice(index + 1));
    });
    return params;
  }

  function setHash(params) {
    var text = Object.keys(params)
      .filter(function (key) { return params[key] !== '' && params[key] !== undefined; })
      .map(function (key) { return encodeURIComponent(key) + '=' + encodeURIComponent(params[key]); })
      .join('&');
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
  }

  function isTyping(event) {
    var tag = event.target && event.target.tagName;
    return tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (event.target && event.target.isContentEditable);
  }

  // ---- overview: filters over the task table, kept in the URL hash so a filtered view is a link ----
  function initOverview() {
    var form = document.getElementById('filters');
    var rows = Array.prototype.slice.call(document.querySelectorAll('#rows tbody tr'));
    if (!form) return;
    var controls = Array.prototype.slice.call(form.querySelectorAll('[data-filter]'));
    var initial = hashParams();
    controls.forEach(function (control) {
      if (initial[control.dataset.filter] !== undefined) control.value = initial[control.dataset.filter];
      control.addEventListener(control.tagName === 'INPUT' ? 'input' : 'change', apply);
    });
    function apply() {
      var state = {};
      controls.forEach(function (control) { state[control.dataset.filter] = control.value.trim(); });
      var words = (state.text || '').toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!state.app || row.dataset.app === state.app) &&
          (!state.level || row.dataset.level === state.level) &&
          (!state.status || row.dataset.status === state.status) &&
          (!state.kinds || row.dataset.kinds.split(' ').indexOf(state.kinds) >= 0) &&
          (!state.review || row.dataset.review === state.review) &&
          words.every(function (word) { return row.dataset.text.indexOf(word) >= 0; });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      document.getElementById('row-count').textContent = shown + ' of ' + rows.length;
      document.getElementById('no-rows').hidden = shown > 0;
      setHash(state);
    }
    apply();
  }

  // ---- the step timeline: screenshot with the action's marker, details, filmstrip, keyboard ----
  var SVG = 'http://www.w3.org/2000/svg';

  function svg(tag, attributes) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    return node;
  }

  function drawMarker(marker, image, step) {
    while (marker.firstChild) marker.removeChild(marker.firstChild);
    if (!step || !image.naturalWidth) return;
    var width = image.naturalWidth;
    var height = image.naturalHeight;
    marker.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    if (step.box) {
      marker.appendChild(svg('rect', { class: 'marker-box', x: step.box.x, y: step.box.y, width: step.box.width, height: step.box.height }));
    }
    var anchor = step.point || (step.box ? { x: step.box.x + step.box.width / 2, y: step.box.y + step.box.height / 2 } : null);
    if (step.point) {
      marker.appendChild(svg('circle', { class: 'marker-ring', cx: step.point.x, cy: step.point.y, r: 14 }));
      marker.appendChild(svg('circle', { class: 'marker-dot', cx: step.point.x, cy: step.point.y, r: 4 }));
    }
    var labelX = anchor ? Math.max(anchor.x + 18, 6) : 8;
    var labelY = anchor ? (anchor.y > 40 ? anchor.y - 22 : anchor.y + 34) : 24;
    var label = svg('text', { class: 'marker-label', x: labelX, y: labelY });
    label.textContent = step.label;
    marker.appendChild(label);
    // Kept inside the image, then given a backing box sized to it.
    var bounds = label.getBBox();
    if (bounds.x + bounds.width > width - 6) {
      label.setAttribute('x', Math.max(6, width - 6 - bounds.width));
      bounds = label.getBBox();
    }
    var back = svg('rect', { class: 'marker-label-back', x: bounds.x - 5, y: bounds.y - 3, width: bounds.width + 10, height: bounds.height + 6, rx: 4 });
    marker.insertBefore(back, label);
  }

  function diffBlock(diff) {
    if (!diff || diff.lines.length === 0) return el('p', { class: 'sub', text: 'No change in the accessibility snapshot.' });
    var pre = el('pre', { class: 'diff' });
    diff.lines.forEach(function (line) {
      var cls = line.op === '+' ? 'add' : line.op === '-' ? 'del' : line.op === '…' ? 'gap' : 'ctx';
      pre.appendChild(el('span', { class: cls, text: (line.op === '…' ? '  …' : line.op + ' ' + line.text) + '\n' }));
    });
    return el('div', {}, [
      el('p', { class: 'sub', text: '+' + diff.added + ' −' + diff.removed + ' lines' + (diff.truncated ? ' (more left out)' : '') }),
      pre,
    ]);
  }

  function usd(value) {
    if (value === undefined || value === null) return '—';
    if (value === 0) return '$0';
    return value < 0.01 ? '$' + value.toFixed(4) : '$' + value.toFixed(2);
  }

  function callsBlock(calls) {
    if (!calls || calls.length === 0) return el('p', { class: 'sub', text: 'No model call for this step (heuristic agent, or calls not attributable to one step).' });
    var table = el('table', { class: 'data calls' }, [
      el('thead', {}, [el('tr', {}, ['role', 'model', 'in', 'out', 'cache read', 'ms', 'cost'].map(function (name) { return el('th', { text: name }); }))]),
    ]);
    var body = el('tbody');
    calls.forEach(function (call) {
      body.appendChild(el('tr', {}, [call.role, call.model + (call.fromCache ? ' (cached)' : ''), String(call.inputTokens), String(call.outputTokens), String(call.cacheReadTokens), String(Math.round(call.latencyMs)), usd(call.costUsd)].map(function (cell) { return el('td', { text: cell }); })));
    });
    table.appendChild(body);
    return table;
  }

  function row(key, value) {
    return [el('dt', { text: key }), el('dd', {}, [value])];
  }

  function stepDetail(step, subtask, index, total) {
    var facts = el('dl', { class: 'facts' });
    var element = step.executed.element;
    var add = function (pair) { facts.appendChild(pair[0]); facts.appendChild(pair[1]); };
    add(row('page', step.url));
    add(row('title', step.title));
    if (step.urlAfter !== step.url) add(row('after', step.urlAfter));
    if (element) add(row('element', [element.role, element.name ? '"' + element.name + '"' : '', element.ref ? '[' + element.ref + ']' : '', 'grounded by ' + element.groundedBy].filter(Boolean).join(' ')));
    if (step.box) add(row('box', Math.round(step.box.x) + ',' + Math.round(step.box.y) + ' ' + Math.round(step.box.width) + '×' + Math.round(step.box.height)));
    if (step.point) add(row('pixel', step.point.x + ', ' + step.point.y));
    var t = step.timings;
    add(row('timings', 'action ' + Math.round(t.actionMs) + ' ms · observe ' + Math.round(t.observeMs) + ' ms (screenshot ' + Math.round(t.screenshotMs) + ', snapshot ' + Math.round(t.snapshotMs) + ', encode ' + Math.round(t.encodeMs) + ', write ' + Math.round(t.writeMs) + ')'));
    return el('div', {}, [
      el('div', { class: 'step-head' }, [
        el('span', { class: 'step-position', text: 'step ' + (index + 1) + ' of ' + total }),
        el('span', { class: 'status ' + (step.ok ? 'good' : 'bad'), text: step.ok ? 'ok' : 'failed' }),
        step.attempt === 'failed' ? el('span', { class: 'status bad', text: 'rejected attempt' }) : null,
      ]),
      el('h3', { class: 'step-label', text: step.label }),
      step.error ? el('p', { class: 'error', text: step.error }) : null,
      subtask ? el('p', { class: 'subtask-ref s' + (step.subtaskPosition % 8) }, [el('span', { class: 'swatch' }), el('a', { href: '#subtask-' + subtask.id, text: subtask.id }), ' ' + subtask.description]) : null,
      step.attemptOf ? el('p', { class: 'sub', text: 'Taken in the attempt at ' + step.attemptOf + ', which failed its own check; the reviser relabelled it as ' + step.subtaskId + '.' }) : null,
      facts,
      el('details', {}, [el('summary', { text: 'action as recorded' }), el('pre', { class: 'json', text: JSON.stringify(step.executed, null, 2) })]),
      el('h4', { text: 'Accessibility snapshot: what the action changed' }),
      diffBlock(step.diff),
      el('h4', { text: 'Model calls' }),
      callsBlock(step.calls),
    ]);
  }

  function initTimeline(model, root, container) {
    var steps = model.steps;
    var scope = container || document;
    var image = scope.querySelector('#shot-image');
    var marker = scope.querySelector('#marker');
    var detail = scope.querySelector('#step-detail');
    var frames = Array.prototype.slice.call(scope.querySelectorAll('#filmstrip .frame'));
    if (!image || steps.length === 0) return null;
    var subtasks = {};
    (model.subtasks || []).forEach(function (subtask) { subtasks[subtask.id] = subtask; });
    var last = model.finalImage ? steps.length : steps.length - 1;
    var current = -1;
    var pending = null;
    image.addEventListener('load', function () { drawMarker(marker, image, pending); });

    function go(index, options) {
      index = Math.max(0, Math.min(last, index));
      if (index === current) return;
      current = index;
      var step = steps[index];
      pending = step || null;
      while (marker.firstChild) marker.removeChild(marker.firstChild);
      var source = root + (step ? step.image : model.finalImage);
      if (image.getAttribute('src') !== source) image.setAttribute('src', source);
      else drawMarker(marker, image, pending);
      detail.textContent = '';
      detail.appendChild(step ? stepDetail(step, subtasks[step.subtaskId], index, steps.length) : el('div', {}, [el('h3', { text: 'End state' }), el('p', { class: 'sub', text: 'The page after the last step.' })]));
      frames.forEach(function (frame, frameIndex) { frame.classList.toggle('current', frameIndex === index); });
      // Scrolls the filmstrip only, never the page: the reader stays where they are reading.
      var frame = frames[index];
      if (frame) frame.parentNode.scrollLeft = frame.offsetLeft - (frame.parentNode.clientWidth - frame.offsetWidth) / 2;
      var next = steps[index + 1];
      if (next) new Image().src = root + next.image;
      if (!(options && options.keepHash) && !container) {
        var params = hashParams();
        params.step = step ? String(step.index) : 'end';
        setHash(params);
      }
    }

    frames.forEach(function (frame) {
      frame.addEventListener('click', function () { go(Number(frame.dataset.index)); });
    });
    active = {
      key: function (key) {
        if (key === 'ArrowRight' || key === 'j') go(current + 1);
        else if (key === 'ArrowLeft' || key === 'k') go(current - 1);
        else if (key === 'Home') go(0);
        else if (key === 'End') go(last);
        else return false;
        return true;
      },
    };

    function fromHash() {
      var params = hashParams();
      frames.forEach(function (frame) { frame.classList.remove('gold'); });
      Array.prototype.slice.call(document.querySelectorAll('tr.selected')).forEach(function (tr) { tr.classList.remove('selected'); });
      if (params.level) {
        var level = (model.levels || []).filter(function (item) { return String(item.level) === params.level; })[0];
        var levelRow = document.getElementById('level-' + params.level);
        if (levelRow) levelRow.classList.add('selected');
        if (level) {
          steps.forEach(function (step, index) {
            if (step.index >= level.gold.start && step.index < level.gold.end && frames[index]) frames[index].classList.add('gold');
          });
        }
      }
      if (params.step === 'end') return go(last, { keepHash: true });
      var selected = (model.levels || []).filter(function (item) { return String(item.level) === params.level; })[0];
      var wanted = params.step !== undefined ? Number(params.step) : selected ? selected.gold.start : NaN;
      var position = steps.findIndex(function (step) { return step.index === wanted; });
      go(position >= 0 ? position : current < 0 ? 0 : current, { keepHash: true });
    }
    if (!container) {
      window.addEventListener('hashchange', fromHash);
      fromHash();
    } else go(0);
    return { go: go };
  }

  // One keyboard handler for the page; it drives the timeline shown last (the review page replaces it per task).
  var active = null;
  document.addEventListener('keydown', function (event) {
    if (!active || isTyping(event) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (active.key(event.key)) event.preventDefault();
  });

  window.trajsynthTimeline = initTimeline;

  var info = data('page-info') || {};
  if (info.page === 'overview') initOverview();
  if (info.page === 'trajectory') initTimeline(data('steps-data'), info.root || '');
})();
