#!/usr/bin/env node
// A greedy keyword agent for trajsynth, Node 20 built-ins only: a starting point to copy.
//
// Protocol "trajsynth-agent/1": at every step trajsynth sends one JSON request (task text, url, title,
// screenshot, an accessibility `snapshot` with [ref=eN] markers, `elements` with ref/role/name/value/
// checked/options, the `history` of earlier steps, and `error` when the previous step failed) and expects
// {"action": ACTION} back, e.g. {"type":"click","target":{"ref":"e12"}} or {"type":"done","answer":"..."}.
// Schemas: schemas/agent-step-request.schema.json, schemas/agent-step-response.schema.json.
//
// In-process:  trajsynth eval RUN --agent module:./examples/js-agent/agent.mjs   (calls the exported act())
// Over HTTP:   node examples/js-agent/agent.mjs --port 8765   (prints "listening on http://127.0.0.1:8765/act")
//              trajsynth eval RUN --agent http://127.0.0.1:8765/act
//
// Policy: split the task into clauses, turn each clause's “quoted” phrases into intents (type, select,
// click, search, answer) and perform the first intent not yet done; memory is kept per episodeId.
import { createServer } from 'node:http';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export const PROTOCOL = 'trajsynth-agent/1';
const QUOTED = /“([^”]*)”/g;
const CLICKABLE = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'option', 'treeitem']);
const TYPEABLE = new Set(['textbox', 'searchbox', 'spinbutton']);
const CONNECTIVES = /^((to begin|first|next|then|after that|once that is done|finally|lastly|to finish|please|start by|and)\b,?\s*)+/i;
const SUBMITS = /\b(add|create|new|named|called|submit|save|change|update|set up)\b/; // clauses that submit what they type
const DATE = /\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;
const AMOUNT = /-?[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|%)/;
const memory = new Map(); // episodeId -> { done: Set of "clause:intent", answer, typed: clause -> target, clicked, last }

/** Sentences and ", then" pieces, in order; quoted names are masked so their dots never split. */
export function splitClauses(task) {
  const masked = task.replace(QUOTED, (_, inner) => `“${'x'.repeat(inner.length)}”`);
  const cuts = [0, ...[...masked.matchAll(/[.!?;]\s+|,?\s+then\s+/g)].map((m) => m.index + m[0].length), task.length];
  const clauses = cuts.slice(1).map((end, i) => task.slice(cuts[i], end).trim().replace(/[.!?;,]+$/, '').replace(CONNECTIVES, ''));
  return clauses.filter(Boolean);
}

/** The intents of one clause, from its wording alone (they are matched to elements later). */
export function plan(clause) {
  const low = clause.toLowerCase();
  const found = [...clause.matchAll(QUOTED)];
  if (found.length && /\b(report|your answer)\b/.test(low)) {
    const attribute = /the (.+?) (?:of|for|shown for|listed for) “/.exec(clause);
    return [{ kind: 'answer', text: found.at(-1)[1], attribute: attribute ? attribute[1].toLowerCase() : '' }];
  }
  if (found.length && low.includes('search')) return [{ kind: 'search', text: found[0][1] }, { kind: 'enter' }];
  if (!found.length) return [{ kind: 'unquoted' }];
  const intents = [];
  const consumed = new Set();
  found.forEach((m, i) => {
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index + m[0].length);
    const next = found[i + 1];
    const between = next ? clause.slice(m.index + m[0].length, next.index) : '';
    if (consumed.has(i) || /^\s+(form\b|so that)/.test(after) || /\bof\s*$/.test(before)) return; // context, not a target
    if (next && /^\s+(into|in|under|for|as|from)\s+(the\s+)?$/.test(between)) { // “X” into “Field”
      intents.push({ kind: 'field', text: m[1], field: next[1] });
      consumed.add(i + 1);
    } else if (next && /\b(set|switch)\s*$/i.test(before) && between.trim() === 'to') { // set “Field” to “X”
      intents.push({ kind: 'field', text: next[1], field: m[1] });
      consumed.add(i + 1);
    } else {
      intents.push({ kind: 'phrase', text: m[1], hint: before.toLowerCase() });
    }
  });
  return SUBMITS.test(low) ? [...intents, { kind: 'enter' }] : intents;
}

const nameOf = (el) => String(el.name ?? '').toLowerCase();

function target(el, els) {
  const nth = els.slice(0, els.indexOf(el)).filter((other) => other.role === el.role && other.name === el.name).length;
  return { ref: el.ref, role: el.role, name: el.name ?? '', nth };
}

/** The action for one intent on this page, or undefined when it has nothing to do here. */
function resolve(intent, clause, request, mem, ci) {
  const els = (Array.isArray(request.elements) ? request.elements : []).filter((e) => e && e.ref && e.role && !e.disabled);
  const text = intent.text ?? '';
  switch (intent.kind) {
    case 'answer':
      mem.answer = readAnswer(String(request.snapshot ?? ''), text, intent.attribute) ?? mem.answer;
      return undefined;
    case 'enter': { // press Enter in the last field this clause typed into, unless it clicked a button
      const typed = mem.typed.get(ci);
      return typed && !mem.clicked.has(ci) ? { type: 'press', key: 'Enter', target: typed } : undefined;
    }
    case 'search': {
      const box = els.find((e) => e.role === 'searchbox' || (TYPEABLE.has(e.role) && nameOf(e).includes('search')));
      return box ? typeInto(box, text, els, mem, ci) : undefined;
    }
    case 'field': {
      const wanted = intent.field.toLowerCase();
      const fields = els.filter((e) => nameOf(e).includes(wanted)).sort((a, b) => (nameOf(a) !== wanted) - (nameOf(b) !== wanted));
      for (const el of fields) {
        if (el.role === 'combobox') return select(el, text, els);
        if (TYPEABLE.has(el.role)) return typeInto(el, text, els, mem, ci);
      }
      return undefined;
    }
    case 'unquoted': { // nothing quoted: click the longest element name the clause mentions
      const named = els.filter((e) => CLICKABLE.has(e.role) && nameOf(e).length >= 3 && clause.toLowerCase().includes(nameOf(e)));
      return named.length ? click(maxBy(named, (e) => nameOf(e).length), clause, els, mem, ci) : undefined;
    }
    case 'phrase':
      return actOnPhrase(text, intent.hint, clause, els, mem, ci);
  }
  return undefined;
}

/** A bare “phrase”: an option to select, an element to click, or a value to type. */
function actOnPhrase(text, hint, clause, els, mem, ci) {
  const low = text.toLowerCase();
  const combos = els.filter((e) => e.role === 'combobox' && (e.options ?? []).some((o) => String(o).toLowerCase() === low));
  if (combos.length) return select(maxBy(combos, (e) => hint.lastIndexOf(nameOf(e))), text, els); // the menu named last
  const bare = clause.replace(QUOTED, ' ').toLowerCase(); // the clause's own words: "archive the item", "tick the checkbox to save"
  const score = (e) => { // has the phrase; better if exactly it (or quotes it); best if its verb ("Archive “X”") or role is in the clause
    const verb = /^[a-z]*/.exec(nameOf(e))[0];
    const verbInClause = verb.length >= 3 && !['the', 'and', 'for'].includes(verb) && new RegExp(`\\b${verb.slice(0, 3)}`).test(bare);
    const exact = nameOf(e) === low ? 2 : nameOf(e).includes(`“${low}”`) ? 1 : 0;
    return 1 + exact + 2 * verbInClause + new RegExp(`\\b${e.role}\\b`).test(bare);
  };
  const clickable = els.filter((e) => CLICKABLE.has(e.role) && nameOf(e).includes(low));
  if (clickable.length) return click(maxBy(clickable, score), clause, els, mem, ci);
  const boxes = els.filter((e) => TYPEABLE.has(e.role) && nameOf(e) && hint.includes(nameOf(e))); // "with due date “X”"
  if (boxes.length) return typeInto(maxBy(boxes, (e) => hint.lastIndexOf(nameOf(e))), text, els, mem, ci);
  if (/\b(add|create|new|named|called|enter|fill|type|write|submit|set up)\b/.test(clause.toLowerCase())) {
    const empty = els.filter((e) => TYPEABLE.has(e.role) && !e.value && !nameOf(e).includes('search'));
    const field = empty.find((e) => /title|name|subject/.test(nameOf(e))) ?? empty[0];
    return field ? typeInto(field, text, els, mem, ci) : undefined;
  }
  return undefined;
}

const maxBy = (items, key) => items.reduce((best, item) => (key(item) > key(best) ? item : best));

function select(el, option, els) {
  if (String(el.value ?? '').toLowerCase() === option.toLowerCase()) return undefined;
  return { type: 'select', target: target(el, els), value: option };
}

function typeInto(el, text, els, mem, ci) {
  mem.typed.set(ci, target(el, els));
  return { type: 'type', target: mem.typed.get(ci), text };
}

function click(el, clause, els, mem, ci) {
  if (el.role === 'checkbox' || el.role === 'switch') {
    const want = !/\b(uncheck|untick|clear|turn(ing)? off|disabl|unmark)/i.test(clause);
    if (Boolean(el.checked) === want) return undefined; // already as the task wants it
  }
  mem.clicked.add(ci);
  return { type: 'click', target: target(el, els) };
}

/** `- cell "Due" [ref=e3]: Jun 18` -> "Due Jun 18": the name and value of one snapshot line. */
function lineText(line) {
  const m = /^\s*- [\w/-]+(?: "((?:[^"\\]|\\.)*)")?[^:]*(?::\s*(.*))?$/.exec(line);
  return m ? [m[1], m[2]].filter(Boolean).map((part) => part.replace(/^"|"$/g, '')).join(' ').trim() : '';
}

const indent = (line) => line.length - line.trimStart().length;

/** Indexes of line `top` and the lines nested under it. */
function subtree(lines, top) {
  let end = top + 1;
  while (end < lines.length && indent(lines[end]) > indent(lines[top])) end += 1;
  return Array.from({ length: end - top }, (_, i) => top + i);
}

/** The value shown next to `phrase`: the cell under the column named like `attribute`, else a date or amount. */
export function readAnswer(snapshot, phrase, attribute) {
  const lines = snapshot.split('\n');
  const hit = lines.findIndex((line) => line.includes(phrase));
  if (hit < 0) return undefined;
  let top = hit; // climb to the enclosing table row or list item, so the sibling cells are in view
  for (let j = hit - 1; j >= Math.max(hit - 40, 0); j -= 1) {
    if (indent(lines[j]) >= indent(lines[top])) continue;
    top = j;
    if (/^\s*- (row|listitem|article)\b/.test(lines[j])) break;
  }
  const block = subtree(lines, top);
  const table = lines.slice(0, top).findLastIndex((line) => /^\s*- (table|grid|treegrid)\b/.test(line));
  const headers = lines.slice(table + 1, top).filter((line) => /^\s*- columnheader\b/.test(line)).map((line) => lineText(line).toLowerCase());
  const cells = block.filter((j) => /^\s*- (cell|gridcell)\b/.test(lines[j]) && indent(lines[j]) === indent(lines[top]) + 2);
  for (const [column, j] of cells.entries()) {
    const header = headers[column];
    if (!attribute || !header || !(header.includes(attribute) || attribute.includes(header))) continue;
    const inner = subtree(lines, j).slice(1).map((k) => lineText(lines[k])).filter(Boolean).join(' ');
    return (lineText(lines[j]) || inner).trim() || undefined;
  }
  const order = attribute ? [...lines.keys()].slice(hit).concat([...lines.keys()].slice(0, hit)) : [];
  for (const j of order) { // "Dimensions: 60 cm", or a term followed by its definition
    const label = lineText(lines[j]);
    if (label.toLowerCase().startsWith(`${attribute}:`)) return label.slice(attribute.length + 1).trim();
    if (label.toLowerCase() === attribute && /^\s*- (term|rowheader)\b/.test(lines[j]) && j + 1 < lines.length) return lineText(lines[j + 1]) || undefined;
  }
  const texts = block.filter((j) => !lines[j].includes(phrase)).map((j) => lineText(lines[j]));
  for (const pattern of [DATE, AMOUNT]) {
    const found = texts.map((t) => pattern.exec(t)).find(Boolean);
    if (found) return found[0];
  }
  const afterColon = lines[hit].split(phrase).slice(1).join(phrase).split(':').slice(1).join(':').trim().replace(/^"|"$/g, '');
  return afterColon || texts.find(Boolean);
}

/** One step: the response for one request. Never throws; unexpected input ends the episode with done. */
export async function act(request) {
  try {
    const episode = String(request.episodeId);
    if (request.step === 0 || !memory.has(episode)) {
      while (memory.size >= 500) memory.delete(memory.keys().next().value); // forget the oldest episodes
      memory.set(episode, { done: new Set(), answer: undefined, typed: new Map(), clicked: new Set(), last: undefined });
    }
    const mem = memory.get(episode);
    const clauses = splitClauses(String(request.task));
    const plans = clauses.map(plan);
    if (request.error && mem.last !== undefined) { // the previous step failed: skip its clause
      plans[mem.last].forEach((_, i) => mem.done.add(`${mem.last}:${i}`));
    }
    for (const [ci, intents] of plans.entries()) {
      for (const [ii, intent] of intents.entries()) {
        if (mem.done.has(`${ci}:${ii}`)) continue;
        mem.done.add(`${ci}:${ii}`);
        const action = resolve(intent, clauses[ci], request, mem, ci);
        if (action) {
          mem.last = ci;
          return { action, thought: `clause ${ci + 1}: ${intent.kind} ${intent.text ?? ''}`.trim() };
        }
      }
    }
    return { action: mem.answer ? { type: 'done', answer: mem.answer } : { type: 'done' }, thought: 'nothing left to do' };
  } catch (error) { // a starting point must not crash an episode: stop instead
    return { action: { type: 'done' }, thought: `agent error: ${error}` };
  }
}

function serve(port) {
  const server = createServer((req, res) => {
    const reply = (status, body) => res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    if (req.method !== 'POST' || req.url.split('?')[0] !== '/act') return reply(404, { error: `Expected POST /act, got ${req.method} ${req.url}` });
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      let request;
      try {
        request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        return reply(400, { error: `Expected a JSON body, got invalid JSON (${error.message})` });
      }
      if (request?.protocol !== PROTOCOL) return reply(400, { error: `Expected protocol "${PROTOCOL}", got ${JSON.stringify(request?.protocol ?? null)}` });
      reply(200, await act(request));
    });
  });
  server.listen(port, '127.0.0.1', () => process.stdout.write(`listening on http://127.0.0.1:${server.address().port}/act\n`));
}

function isMain() {
  try {
    return Boolean(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '8765' } } });
  serve(Number(values.port));
}
