// budget sheet - tiny spreadsheet, no framework. everything lives in `S` (page memory only).
;(function () {
  'use strict'

  var MONTHS = [
    { key: 'jan', short: 'Jan', long: 'January' },
    { key: 'feb', short: 'Feb', long: 'February' },
    { key: 'mar', short: 'Mar', long: 'March' }
  ]

  // columns of the sheet. `edit` = can be double-clicked
  var COLS = [
    { key: 'paid', label: 'Paid' },
    { key: 'category', label: 'Category', edit: 'text' },
    { key: 'planned', label: 'Planned', edit: 'money' },
    { key: 'actual', label: 'Actual', edit: 'money' },
    { key: 'diff', label: 'Difference' },
    { key: 'note', label: 'Note', edit: 'text' },
    { key: 'del', label: '' }
  ]
  var EDITABLE = COLS.filter(function (c) { return c.edit }).map(function (c) { return c.key })

  var uid = 0
  function r(category, planned, actual, note, paid) {
    uid++
    return { id: uid, category: category, planned: planned, actual: actual, note: note || '', paid: !!paid }
  }

  var S = {
    title: 'Household budget 2026',
    month: 'jan',
    overOnly: false,
    editing: null,      // { rowId, key, input } or { title: true, input }
    flashTimer: 0,
    rows: {
      jan: [
        r('Rent', 1850, 1850, 'Autopay on the 1st', true),
        r('Groceries', 650, 712.4, 'Hosted New Year brunch'),
        r('Electricity', 140, 168.22, 'Cold snap', true),
        r('Water & sewer', 60, 54.1, '', true),
        r('Internet', 75, 75, '', true),
        r('Mobile phones', 90, 90, '', true),
        r('Car insurance', 132, 132, 'Policy renews in June', true),
        r('Fuel', 180, 151.35, ''),
        r('Eating out', 200, 246.8, "Priya's birthday dinner"),
        r('Kids activities', 120, 95, 'Swim lessons')
      ],
      feb: [
        r('Rent', 1850, 1850, 'Autopay on the 1st', true),
        r('Groceries', 650, 598.75, ''),
        r('Electricity', 140, 155.6, '', true),
        r('Water & sewer', 60, 58.3, ''),
        r('Internet', 75, 75, '', true),
        r('Mobile phones', 90, 96.4, 'Roaming charge in Lisbon', true),
        r('Car insurance', 132, 132, '', true),
        r('Fuel', 180, 172.1, ''),
        r('Eating out', 200, 138.5, ''),
        r('Kids activities', 120, 180, 'Ski trip deposit')
      ],
      mar: [
        r('Rent', 1850, 1850, 'Autopay on the 1st', true),
        r('Groceries', 650, 301.2, 'Half month so far'),
        r('Electricity', 140, 0, 'Bill due Mar 22'),
        r('Water & sewer', 60, 0, ''),
        r('Internet', 75, 75, '', true),
        r('Mobile phones', 90, 90, '', true),
        r('Car insurance', 132, 132, '', true),
        r('Fuel', 180, 88.4, ''),
        r('Eating out', 200, 214.6, 'Anniversary dinner at Osteria'),
        r('Kids activities', 120, 120, 'Spring camp', true),
        r('Gifts', 100, 45, "Dad's birthday on the 28th")
      ]
    }
  }

  // ---------- helpers ----------
  function $(id) { return document.getElementById(id) }

  function el(tag, attrs, kids) {
    var n = document.createElement(tag)
    if (attrs) {
      for (var k in attrs) {
        var v = attrs[k]
        if (v == null || v === false) continue
        if (k === 'class') n.className = v
        else if (k === 'text') n.textContent = v
        else if (k.slice(0, 2) === 'on') n.addEventListener(k.slice(2), v)
        else n.setAttribute(k, v === true ? '' : v)
      }
    }
    ;(kids || []).forEach(function (c) { if (c != null) n.appendChild(typeof c === 'string' ? document.createTextNode(c) : c) })
    return n
  }

  function fmt(n) {
    var neg = n < 0
    var s = Math.abs(n).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    return (neg ? '−$' : '$') + s
  }

  function parseMoney(str) {
    var t = String(str).replace(/[$,\s]/g, '').replace('−', '-')
    if (t === '') return 0
    if (!/^-?\d+(\.\d+)?$/.test(t)) return null
    return Math.round(parseFloat(t) * 100) / 100
  }

  function monthInfo() { return MONTHS.filter(function (m) { return m.key === S.month })[0] }
  function rows() { return S.rows[S.month] }
  function findRow(id) { return rows().filter(function (x) { return x.id === id })[0] }
  function isOver(row) { return row.actual > row.planned }
  function visibleRows() { return S.overOnly ? rows().filter(isOver) : rows() }

  function flash(msg) {
    var f = $('flash')
    f.textContent = msg
    f.classList.add('show')
    clearTimeout(S.flashTimer)
    S.flashTimer = setTimeout(function () { f.classList.remove('show'); f.textContent = '' }, 3500)
  }

  function cellText(row, key) {
    if (key === 'planned' || key === 'actual') return fmt(row[key])
    if (key === 'diff') return fmt(row.planned - row.actual)
    return row[key]
  }

  // ---------- render ----------
  var rowEls = {}   // row id -> { row element, cells }

  function renderMonths() {
    var nav = $('months')
    if (!nav.firstChild) {
      MONTHS.forEach(function (m) {
        nav.appendChild(el('button', {
          type: 'button', class: 'month', 'data-month': m.key, text: m.short,
          onclick: function () { switchMonth(m.key) }
        }))
      })
    }
    Array.prototype.forEach.call(nav.children, function (b) {
      var on = b.getAttribute('data-month') === S.month
      b.classList.toggle('on', on)
      b.setAttribute('aria-pressed', on ? 'true' : 'false')
    })
  }

  function renderCards() {
    var list = rows()
    var planned = 0, actual = 0, paid = 0, over = 0
    list.forEach(function (x) { planned += x.planned; actual += x.actual; if (x.paid) paid++; if (isOver(x)) over++ })
    var left = planned - actual
    var box = $('cards')
    box.textContent = ''
    ;[
      ['Planned', fmt(planned), ''],
      ['Spent', fmt(actual), ''],
      [left < 0 ? 'Over budget' : 'Left to spend', fmt(Math.abs(left)), left < 0 ? 'bad' : 'good'],
      ['Paid', paid + ' of ' + list.length, ''],
      ['Categories over', String(over), over ? 'bad' : '']
    ].forEach(function (c) {
      box.appendChild(el('div', { class: 'card ' + c[2] }, [
        el('div', { class: 'card-label', text: c[0] }),
        el('div', { class: 'card-value', text: c[1] })
      ]))
    })
  }

  function buildHeader() {
    var head = el('div', { class: 'row head', role: 'row' })
    COLS.forEach(function (c) {
      head.appendChild(el('div', { class: 'cell c-' + c.key, role: 'columnheader', text: c.label }))
    })
    return head
  }

  function buildRow(row) {
    var rowEl = el('div', { class: 'row', role: 'row', 'data-id': row.id })
    var cells = {}
    COLS.forEach(function (c) {
      var cell = el('div', { class: 'cell c-' + c.key, role: 'gridcell', 'data-key': c.key })
      if (c.edit) {
        cell.tabIndex = -1
        cell.classList.add('editable')
        cell.addEventListener('dblclick', function (e) {
          if (e.target !== cell) return // a double-click inside the open editor just selects text
          startEdit(row.id, c.key)
        })
        cell.addEventListener('keydown', function (e) {
          if (e.target !== cell || S.editing) return
          if (e.key === 'Enter' || e.key === 'F2') { e.preventDefault(); startEdit(row.id, c.key) }
        })
      }
      if (c.key === 'paid') {
        var cbId = 'paid-' + row.id
        var cb = el('input', { type: 'checkbox', id: cbId, class: 'paid-box' })
        cb.addEventListener('change', function () {
          var rr = findRow(row.id)
          if (!rr) return
          rr.paid = cb.checked
          render()
        })
        cell.appendChild(cb)
        cell.appendChild(el('label', { for: cbId, class: 'paid-badge' }, [el('span', { class: 'sr', text: 'Paid' })]))
      }
      if (c.key === 'del') {
        cell.appendChild(el('button', {
          type: 'button', class: 'trash', text: '🗑',
          onclick: function () { deleteRow(row.id) }
        }))
      }
      cells[c.key] = cell
      rowEl.appendChild(cell)
    })
    return { el: rowEl, cells: cells }
  }

  function patchRow(ref, row) {
    ref.el.classList.toggle('over', isOver(row))
    ref.el.classList.toggle('paid', row.paid)
    var cb = ref.cells.paid.firstChild
    if (cb.checked !== row.paid) cb.checked = row.paid
    ;['category', 'planned', 'actual', 'diff', 'note'].forEach(function (k) {
      var cell = ref.cells[k]
      if (S.editing && S.editing.rowId === row.id && S.editing.key === k) return
      var txt = cellText(row, k)
      if (cell.textContent !== txt) cell.textContent = txt
    })
    ref.cells.diff.classList.toggle('neg', row.planned - row.actual < 0)
  }

  function renderSheet() {
    var sheet = $('sheet')
    $('sheet-caption').textContent = monthInfo().long + ' 2026'
    if (!$('sheet-body')) {
      sheet.textContent = ''
      sheet.appendChild(el('div', { class: 'rowgroup', role: 'rowgroup', id: 'sheet-head' }, [buildHeader()]))
      sheet.appendChild(el('div', { class: 'rowgroup body', role: 'rowgroup', id: 'sheet-body' }))
      sheet.appendChild(el('div', { class: 'rowgroup foot', role: 'rowgroup', id: 'sheet-foot' }))
    }
    var body = $('sheet-body')
    var list = visibleRows()
    var keep = {}
    list.forEach(function (row, i) {
      var ref = rowEls[row.id]
      if (!ref) ref = rowEls[row.id] = buildRow(row)
      keep[row.id] = true
      patchRow(ref, row)
      // only move a row when it is out of place (moving a node drops focus inside it)
      var at = body.children[i]
      if (at !== ref.el) body.insertBefore(ref.el, at || null)
    })
    Object.keys(rowEls).forEach(function (id) {
      if (!keep[id]) {
        if (rowEls[id].el.contains(document.activeElement)) document.activeElement.blur()
        rowEls[id].el.remove()
        if (!findRow(+id)) delete rowEls[id]
      }
    })
    var empty = $('sheet-empty')
    if (!list.length) {
      if (!empty) {
        empty = el('div', { class: 'row empty', role: 'row', id: 'sheet-empty' }, [el('div', { class: 'cell', role: 'gridcell' })])
      }
      empty.firstChild.textContent = S.overOnly
        ? 'Nothing over budget in ' + monthInfo().long + '.'
        : 'No rows yet. Use “Add row” to start.'
      body.appendChild(empty)
    } else if (empty) {
      empty.remove()
    }

    // totals (always over the whole month, not just the filtered rows)
    var tp = 0, ta = 0
    rows().forEach(function (x) { tp += x.planned; ta += x.actual })
    var foot = $('sheet-foot')
    foot.textContent = ''
    foot.appendChild(el('div', { class: 'row total', role: 'row' }, [
      el('div', { class: 'cell c-paid', role: 'gridcell' }),
      el('div', { class: 'cell c-category', role: 'gridcell', text: 'Total' }),
      el('div', { class: 'cell c-planned', role: 'gridcell', text: fmt(tp) }),
      el('div', { class: 'cell c-actual', role: 'gridcell', text: fmt(ta) }),
      el('div', { class: 'cell c-diff' + (tp - ta < 0 ? ' neg' : ''), role: 'gridcell', text: fmt(tp - ta) }),
      el('div', { class: 'cell c-note', role: 'gridcell' }),
      el('div', { class: 'cell c-del', role: 'gridcell' })
    ]))
  }

  function renderTitle() {
    var h = $('sheet-title')
    if (S.editing && S.editing.title) return
    if (h.textContent !== S.title) h.textContent = S.title
    document.title = S.title
  }

  function renderSwitch() {
    var sw = $('over-only')
    sw.setAttribute('aria-checked', S.overOnly ? 'true' : 'false')
    sw.classList.toggle('on', S.overOnly)
  }

  function render() {
    renderTitle()
    renderMonths()
    renderCards()
    renderSwitch()
    renderSheet()
  }

  // ---------- editing ----------
  function cellFor(rowId, key) {
    var ref = rowEls[rowId]
    return ref ? ref.cells[key] : null
  }

  function startEdit(rowId, key) {
    if (S.editing) commitEdit()
    var row = findRow(rowId)
    var cell = cellFor(rowId, key)
    if (!row || !cell || !cell.isConnected) return
    var isMoney = key === 'planned' || key === 'actual'
    var input = el('input', {
      type: 'text', class: 'cell-input' + (isMoney ? ' num' : ''), 'aria-label': key,
      autocomplete: 'off', spellcheck: 'false'
    })
    input.value = isMoney ? (row[key] ? row[key].toFixed(2) : '') : row[key]
    var ed = { rowId: rowId, key: key, input: input }
    S.editing = ed
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); commitEdit(); focusCell(rowId, key) }
      else if (e.key === 'Escape') { e.preventDefault(); cancelEdit(); focusCell(rowId, key) }
      else if (e.key === 'Tab') {
        var next = neighbour(rowId, key, e.shiftKey ? -1 : 1)
        commitEdit()
        if (next) { e.preventDefault(); startEdit(next.rowId, next.key) }
      }
    })
    input.addEventListener('blur', function () { if (S.editing === ed) commitEdit() })
    cell.textContent = ''
    cell.classList.add('editing')
    cell.appendChild(input)
    input.focus()
    input.select()
  }

  function neighbour(rowId, key, dir) {
    var list = visibleRows()
    var flat = []
    list.forEach(function (row) { EDITABLE.forEach(function (k) { flat.push({ rowId: row.id, key: k }) }) })
    for (var i = 0; i < flat.length; i++) {
      if (flat[i].rowId === rowId && flat[i].key === key) return flat[i + dir] || null
    }
    return null
  }

  function commitEdit() {
    var ed = S.editing
    if (!ed) return
    S.editing = null
    if (ed.title) {
      var t = ed.input.value.trim()
      if (t) S.title = t
      else flash('The title can’t be empty.')
      ed.input.remove()
      render()
      return
    }
    var row = findRow(ed.rowId)
    var cell = cellFor(ed.rowId, ed.key)
    if (cell) cell.classList.remove('editing')
    if (row) {
      var v = ed.input.value
      if (ed.key === 'planned' || ed.key === 'actual') {
        var n = parseMoney(v)
        if (n === null) flash('“' + v + '” is not an amount — kept ' + fmt(row[ed.key]) + '.')
        else row[ed.key] = n
      } else {
        row[ed.key] = v.trim()
      }
    }
    if (cell && cell.contains(ed.input)) cell.textContent = ''
    render()
  }

  function cancelEdit() {
    var ed = S.editing
    if (!ed) return
    S.editing = null
    if (ed.title) { ed.input.remove(); render(); return }
    var cell = cellFor(ed.rowId, ed.key)
    if (cell) { cell.classList.remove('editing'); cell.textContent = '' }
    render()
  }

  function focusCell(rowId, key) {
    var c = cellFor(rowId, key)
    if (c && c.isConnected) c.focus()
  }

  function startTitleEdit() {
    if (S.editing) commitEdit()
    var h = $('sheet-title')
    var input = el('input', { type: 'text', class: 'title-input', 'aria-label': 'title', autocomplete: 'off' })
    input.value = S.title
    var ed = { title: true, input: input }
    S.editing = ed
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') { e.preventDefault(); commitEdit() }
      else if (e.key === 'Escape') { e.preventDefault(); cancelEdit() }
    })
    input.addEventListener('blur', function () { if (S.editing === ed) commitEdit() })
    h.textContent = ''
    h.appendChild(input)
    input.focus()
    input.select()
  }

  // ---------- actions ----------
  function switchMonth(key) {
    if (S.editing) commitEdit()
    if (S.month === key) return
    S.month = key
    render()
  }

  function addRow() {
    if (S.editing) commitEdit()
    var row = r('', 0, 0, '', false)
    rows().push(row)
    if (S.overOnly) { S.overOnly = false; flash('Showing all rows so you can see the new one.') }
    render()
    focusCell(row.id, 'category')
  }

  function deleteRow(id) {
    if (S.editing) commitEdit()
    var list = rows()
    var row = findRow(id)
    if (!row) return
    list.splice(list.indexOf(row), 1)
    render()
    flash('Deleted “' + (row.category || 'untitled row') + '”.')
  }

  function clearNotes() {
    if (S.editing) commitEdit()
    var m = monthInfo()
    var withNotes = rows().filter(function (x) { return x.note })
    if (!withNotes.length) { flash('No notes to clear in ' + m.long + '.'); return }
    if (!window.confirm('Clear all ' + withNotes.length + ' notes in ' + m.long + '? This cannot be undone.')) return
    withNotes.forEach(function (x) { x.note = '' })
    render()
    flash('Cleared ' + withNotes.length + ' notes in ' + m.long + '.')
  }

  function toggleOverOnly() {
    if (S.editing) commitEdit()
    S.overOnly = !S.overOnly
    render()
  }

  // ---------- boot ----------
  $('sheet-title').addEventListener('dblclick', function () { if (!(S.editing && S.editing.title)) startTitleEdit() })
  $('add-row').addEventListener('click', addRow)
  $('clear-notes').addEventListener('click', clearNotes)
  $('over-only').addEventListener('click', toggleOverOnly)
  render()
})()
