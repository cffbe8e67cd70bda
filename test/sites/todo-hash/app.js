/* errands – a tiny vanilla todo list. State lives in memory only. */
(function () {
  'use strict';

  var ENTER_KEY = 13;
  var ESCAPE_KEY = 27;

  var todos = [
    { id: 1, title: 'Buy milk and eggs', completed: false, starred: false },
    { id: 2, title: 'Pick up dry cleaning', completed: true, starred: false },
    { id: 3, title: 'Return library books', completed: false, starred: true },
    { id: 4, title: 'Call the dentist about Thursday', completed: false, starred: false },
    { id: 5, title: 'Pay electricity bill', completed: true, starred: false },
    { id: 6, title: 'Renew car insurance', completed: false, starred: true },
    { id: 7, title: 'Buy birthday card for Maria', completed: false, starred: false },
    { id: 8, title: 'Drop off package at post office', completed: true, starred: false },
    { id: 9, title: 'Book haircut', completed: false, starred: false },
    { id: 10, title: 'Water the plants', completed: false, starred: false },
    { id: 11, title: 'Get keys cut for Tom', completed: false, starred: false }
  ];
  var nextId = 12;
  var editingId = null;

  var $ = function (sel) { return document.querySelector(sel); };
  var newTodo = $('.new-todo');
  var list = $('.todo-list');
  var main = $('.main');
  var footer = $('.footer');
  var toggleAll = $('#toggle-all');

  function escapeHtml(s) {
    return String(s)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function currentFilter() {
    var h = location.hash.replace(/^#\/?/, '');
    return h === 'active' || h === 'completed' ? h : 'all';
  }

  function visibleTodos() {
    var f = currentFilter();
    return todos.filter(function (t) {
      if (f === 'active') return !t.completed;
      if (f === 'completed') return t.completed;
      return true;
    });
  }

  function pluralize(n, word) { return n === 1 ? word : word + 's'; }

  function rowHtml(t) {
    var cls = [];
    if (t.completed) cls.push('completed');
    if (t.id === editingId) cls.push('editing');
    return '' +
      '<li data-id="' + t.id + '"' + (cls.length ? ' class="' + cls.join(' ') + '"' : '') + '>' +
        '<div class="view">' +
          '<input class="toggle" type="checkbox"' + (t.completed ? ' checked' : '') + '>' +
          '<label>' + escapeHtml(t.title) + '</label>' +
          '<button class="star' + (t.starred ? ' on' : '') + '">' + (t.starred ? '★' : '☆') + '</button>' +
          '<button class="destroy">×</button>' +
        '</div>' +
        (t.id === editingId ? '<input class="edit" value="' + escapeHtml(t.title) + '">' : '') +
      '</li>';
  }

  function render() {
    var items = visibleTodos();
    list.innerHTML = items.map(rowHtml).join('');

    var active = todos.filter(function (t) { return !t.completed; }).length;
    var done = todos.length - active;

    main.style.display = todos.length ? '' : 'none';
    footer.style.display = todos.length ? '' : 'none';
    toggleAll.checked = todos.length > 0 && active === 0;
    main.classList.toggle('all-done', toggleAll.checked);

    $('.todo-count').innerHTML = '<strong>' + active + '</strong> ' + pluralize(active, 'item') + ' left';
    $('.clear-completed').style.display = done ? '' : 'none';

    var f = currentFilter();
    document.querySelectorAll('.filters a').forEach(function (a) {
      var target = a.getAttribute('href').replace(/^#\/?/, '') || 'all';
      a.className = target === f ? 'selected' : '';
    });

    var editInput = list.querySelector('.edit');
    if (editInput) {
      editInput.focus();
      editInput.setSelectionRange(editInput.value.length, editInput.value.length);
    }
  }

  function idFromEl(el) {
    var li = el.closest('li[data-id]');
    return li ? Number(li.getAttribute('data-id')) : null;
  }

  function find(id) {
    for (var i = 0; i < todos.length; i++) if (todos[i].id === id) return todos[i];
    return null;
  }

  newTodo.addEventListener('keyup', function (e) {
    if (e.keyCode !== ENTER_KEY) return;
    var title = newTodo.value.trim();
    if (!title) return;
    todos.push({ id: nextId++, title: title, completed: false, starred: false });
    newTodo.value = '';
    render();
  });

  toggleAll.addEventListener('change', function () {
    var on = toggleAll.checked;
    todos.forEach(function (t) { t.completed = on; });
    render();
  });

  list.addEventListener('change', function (e) {
    if (!e.target.classList.contains('toggle')) return;
    var t = find(idFromEl(e.target));
    if (t) { t.completed = e.target.checked; render(); }
  });

  list.addEventListener('click', function (e) {
    var id = idFromEl(e.target);
    if (e.target.classList.contains('destroy')) {
      todos = todos.filter(function (t) { return t.id !== id; });
      render();
    } else if (e.target.classList.contains('star')) {
      var t = find(id);
      if (t) { t.starred = !t.starred; render(); }
    }
  });

  list.addEventListener('dblclick', function (e) {
    if (e.target.tagName !== 'LABEL') return;
    editingId = idFromEl(e.target);
    render();
  });

  // The edit field: Enter or blur saves, Escape cancels.
  var cancelling = false;
  function finishEdit(input) {
    if (editingId === null) return;
    var t = find(editingId);
    var value = input.value.trim();
    editingId = null;
    if (t && !cancelling) {
      if (value) t.title = value;
      else todos = todos.filter(function (x) { return x !== t; });
    }
    cancelling = false;
    render();
  }

  list.addEventListener('keyup', function (e) {
    if (!e.target.classList.contains('edit')) return;
    if (e.keyCode === ENTER_KEY) {
      e.target.blur();
    } else if (e.keyCode === ESCAPE_KEY) {
      cancelling = true;
      e.target.blur();
    }
  });

  list.addEventListener('focusout', function (e) {
    if (e.target.classList.contains('edit')) finishEdit(e.target);
  });

  $('.clear-completed').addEventListener('click', function () {
    todos = todos.filter(function (t) { return !t.completed; });
    render();
  });

  window.addEventListener('hashchange', render);
  render();
})();
