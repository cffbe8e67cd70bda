#!/usr/bin/env python3
"""A greedy keyword agent for trajsynth, standard library only: a starting point to copy.

Protocol "trajsynth-agent/1": at every step trajsynth POSTs one JSON request (task text, url, title,
screenshot, an accessibility `snapshot` with [ref=eN] markers, `elements` with ref/role/name/value/
checked/options, the `history` of earlier steps, and `error` when the previous step failed) and expects
{"action": ACTION} back, e.g. {"type": "click", "target": {"ref": "e12"}} or {"type": "done", "answer": "..."}.
Schemas: schemas/agent-step-request.schema.json, schemas/agent-step-response.schema.json.

Run:  python3 examples/python-agent/agent.py --port 8765      (prints "listening on http://127.0.0.1:8765/act")
      trajsynth eval RUN --agent http://127.0.0.1:8765/act

Policy: split the task into clauses, turn each clause's “quoted” phrases into intents (type, select,
click, search, answer) and perform the first intent not yet done; memory is kept per episodeId.
"""
import argparse
import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PROTOCOL = "trajsynth-agent/1"
QUOTED = re.compile(r"“([^”]*)”")
CLICKABLE = {"button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "menuitemcheckbox", "option", "treeitem"}
TYPEABLE = {"textbox", "searchbox", "spinbutton"}
CONNECTIVES = re.compile(r"^((to begin|first|next|then|after that|once that is done|finally|lastly|to finish|please|start by|and)\b,?\s*)+", re.I)
SUBMITS = re.compile(r"\b(add|create|new|named|called|submit|save|change|update|set up)\b")  # clauses that submit what they type
DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|\b\d{1,2}/\d{1,2}/\d{2,4}\b")
AMOUNT = re.compile(r"-?[$€£¥]\s?\d[\d,]*(?:\.\d+)?|\b\d[\d,]*(?:\.\d+)?\s?(?:USD|EUR|GBP|%)")
memory = {}  # episodeId -> {"done": intent keys "clause:intent", "answer", "typed": clause -> target, "clicked", "last"}


def split_clauses(task):
    """Sentences and ", then" pieces, in order; quoted names are masked so their dots never split."""
    masked = QUOTED.sub(lambda m: "“" + "x" * len(m.group(1)) + "”", task)
    cuts = [0] + [m.end() for m in re.finditer(r"[.!?;]\s+|,?\s+then\s+", masked)] + [len(task)]
    clauses = [CONNECTIVES.sub("", task[start:end].strip().rstrip(".!?;,")) for start, end in zip(cuts, cuts[1:])]
    return [clause for clause in clauses if clause]


def plan(clause):
    """The intents of one clause, from its wording alone (they are matched to elements later)."""
    low, found = clause.lower(), list(QUOTED.finditer(clause))
    if found and re.search(r"\b(report|your answer)\b", low):
        attribute = re.search(r"the (.+?) (?:of|for|shown for|listed for) “", clause)
        return [{"kind": "answer", "text": found[-1].group(1), "attribute": attribute.group(1).lower() if attribute else ""}]
    if found and "search" in low:
        return [{"kind": "search", "text": found[0].group(1)}, {"kind": "enter"}]
    if not found:
        return [{"kind": "unquoted"}]
    intents, consumed = [], set()
    for i, m in enumerate(found):
        before, after, nxt = clause[: m.start()], clause[m.end():], found[i + 1] if i + 1 < len(found) else None
        between = clause[m.end(): nxt.start()] if nxt else ""
        if i in consumed or re.match(r"\s+(form\b|so that)", after) or re.search(r"\bof\s*$", before):
            continue  # a form's name or the item being edited: context, not something to act on
        if nxt and re.fullmatch(r"\s+(into|in|under|for|as|from)\s+(the\s+)?", between):  # “X” into “Field”
            intents.append({"kind": "field", "text": m.group(1), "field": nxt.group(1)}); consumed.add(i + 1)
        elif nxt and re.search(r"\b(set|switch)\s*$", before.lower()) and between.strip() == "to":  # set “Field” to “X”
            intents.append({"kind": "field", "text": nxt.group(1), "field": m.group(1)}); consumed.add(i + 1)
        else:
            intents.append({"kind": "phrase", "text": m.group(1), "hint": before.lower()})
    return intents + ([{"kind": "enter"}] if SUBMITS.search(low) else [])


def name(el):
    return str(el.get("name", "")).lower()


def target(el, els):
    nth = sum(1 for other in els[: els.index(el)] if other["role"] == el["role"] and other.get("name") == el.get("name"))
    return {"ref": el["ref"], "role": el["role"], "name": el.get("name", ""), "nth": nth}


def resolve(intent, clause, request, mem, ci):
    """The action for one intent on this page, or None when it has nothing to do here."""
    els = [e for e in request.get("elements", []) if isinstance(e, dict) and e.get("ref") and e.get("role") and not e.get("disabled")]
    kind, text = intent["kind"], intent.get("text", "")
    if kind == "answer":
        mem["answer"] = read_answer(str(request.get("snapshot", "")), text, intent["attribute"]) or mem["answer"]
    elif kind == "enter":  # press Enter in the last field this clause typed into, unless it clicked a button
        typed = mem["typed"].get(ci)
        return {"type": "press", "key": "Enter", "target": typed} if typed and ci not in mem["clicked"] else None
    elif kind == "search":
        boxes = [e for e in els if e["role"] == "searchbox" or (e["role"] in TYPEABLE and "search" in name(e))]
        return type_into(boxes[0], text, els, mem, ci) if boxes else None
    elif kind == "field":
        fields = sorted((e for e in els if intent["field"].lower() in name(e)), key=lambda e: name(e) != intent["field"].lower())
        for el in fields:
            if el["role"] == "combobox":
                return select(el, text, els)
            if el["role"] in TYPEABLE:
                return type_into(el, text, els, mem, ci)
    elif kind == "unquoted":  # nothing quoted: click the longest element name the clause mentions
        named = [e for e in els if e["role"] in CLICKABLE and len(name(e)) >= 3 and name(e) in clause.lower()]
        return click(max(named, key=lambda e: len(name(e))), clause, els, mem, ci) if named else None
    elif kind == "phrase":
        return act_on_phrase(text, intent["hint"], clause, els, mem, ci)
    return None


def act_on_phrase(text, hint, clause, els, mem, ci):
    """A bare “phrase”: an option to select, an element to click, or a value to type."""
    low = text.lower()
    combos = [e for e in els if e["role"] == "combobox" and low in [str(o).lower() for o in e.get("options") or []]]
    if combos:  # prefer the menu whose name the clause mentions last before the phrase
        return select(max(combos, key=lambda e: hint.rfind(name(e))), text, els)
    bare = QUOTED.sub(" ", clause).lower()  # the clause's own words: "archive the item", "tick the checkbox to save"

    def score(e):  # has the phrase; better if exactly it (or quotes it); best if its verb ("Archive “X”") or role is in the clause
        verb = re.match(r"[a-z]*", name(e)).group(0)
        verb_in_clause = len(verb) >= 3 and verb not in ("the", "and", "for") and re.search(r"\b" + verb[:3], bare)
        exact = 2 if name(e) == low else 1 if f"“{low}”" in name(e) else 0
        return 1 + exact + 2 * bool(verb_in_clause) + bool(re.search(rf"\b{e['role']}\b", bare))

    clickable = [e for e in els if e["role"] in CLICKABLE and low in name(e)]
    if clickable:
        return click(max(clickable, key=score), clause, els, mem, ci)
    boxes = [e for e in els if e["role"] in TYPEABLE and name(e) and name(e) in hint]  # "with due date “X”"
    if boxes:
        return type_into(max(boxes, key=lambda e: hint.rfind(name(e))), text, els, mem, ci)
    if re.search(r"\b(add|create|new|named|called|enter|fill|type|write|submit|set up)\b", clause.lower()):
        empty = sorted((e for e in els if e["role"] in TYPEABLE and not e.get("value") and "search" not in name(e)),
                       key=lambda e: not re.search(r"title|name|subject", name(e)))
        return type_into(empty[0], text, els, mem, ci) if empty else None
    return None


def select(el, option, els):
    return None if str(el.get("value", "")).lower() == option.lower() else {"type": "select", "target": target(el, els), "value": option}


def type_into(el, text, els, mem, ci):
    mem["typed"][ci] = target(el, els)
    return {"type": "type", "target": mem["typed"][ci], "text": text}


def click(el, clause, els, mem, ci):
    if el["role"] in ("checkbox", "switch"):
        want = not re.search(r"\b(uncheck|untick|clear|turn(ing)? off|disabl|unmark)", clause.lower())
        if bool(el.get("checked")) == want:
            return None  # already as the task wants it
    mem["clicked"].add(ci)
    return {"type": "click", "target": target(el, els)}


def line_text(line):
    """`- cell "Due" [ref=e3]: Jun 18` -> "Due Jun 18": the name and value of one snapshot line."""
    m = re.match(r'\s*- [\w/-]+(?: "((?:[^"\\]|\\.)*)")?[^:]*(?::\s*(.*))?$', line)
    return " ".join(part.strip('"') for part in (m.groups() if m else ()) if part).strip()


def subtree(lines, top):
    """Indexes of line `top` and the lines nested under it."""
    depth, end = len(lines[top]) - len(lines[top].lstrip()), top + 1
    while end < len(lines) and len(lines[end]) - len(lines[end].lstrip()) > depth:
        end += 1
    return list(range(top, end))


def read_answer(snapshot, phrase, attribute):
    """The value shown next to `phrase`: the cell under the column named like `attribute`, else a date or amount."""
    lines, indent = snapshot.splitlines(), lambda line: len(line) - len(line.lstrip())
    hit = next((i for i, line in enumerate(lines) if phrase in line), None)
    if hit is None:
        return None
    top = hit  # climb to the enclosing table row or list item, so the sibling cells are in view
    for j in range(hit - 1, max(hit - 40, -1), -1):
        if indent(lines[j]) < indent(lines[top]):
            top = j
            if re.match(r"\s*- (row|listitem|article)\b", lines[j]):
                break
    block = subtree(lines, top)
    table = max((j for j in range(top) if re.match(r"\s*- (table|grid|treegrid)\b", lines[j])), default=-1)
    headers = [line_text(lines[j]).lower() for j in range(table + 1, top) if re.match(r"\s*- columnheader\b", lines[j])]
    cells = [j for j in block if re.match(r"\s*- (cell|gridcell)\b", lines[j]) and indent(lines[j]) == indent(lines[top]) + 2]
    for header, j in zip(headers, cells) if attribute else ():
        if header and (header in attribute or attribute in header):
            inner = " ".join(t for t in (line_text(lines[k]) for k in subtree(lines, j)[1:]) if t)
            return (line_text(lines[j]) or inner).strip() or None
    for j in list(range(hit, len(lines))) + list(range(hit)) if attribute else ():  # "Dimensions: 60 cm" or a term
        label = line_text(lines[j])
        if label.lower().startswith(attribute + ":"):
            return label[len(attribute) + 1:].strip()
        if label.lower() == attribute and re.match(r"\s*- (term|rowheader)\b", lines[j]) and j + 1 < len(lines):
            return line_text(lines[j + 1]) or None
    texts = [line_text(lines[j]) for j in block if phrase not in lines[j]]
    for pattern in (DATE, AMOUNT):
        found = next((m.group(0) for m in map(pattern.search, texts) if m), None)
        if found:
            return found
    after_colon = lines[hit].split(phrase, 1)[1].partition(":")[2].strip().strip('"')
    return after_colon or next((t for t in texts if t), None)


def act(request):
    """One step: the response for one request. Never raises; unexpected input ends the episode with done."""
    try:
        episode = str(request["episodeId"])
        if request.get("step") == 0 or episode not in memory:
            while len(memory) >= 500:  # forget the oldest episodes
                memory.pop(next(iter(memory)))
            memory[episode] = {"done": set(), "answer": None, "typed": {}, "clicked": set(), "last": None}
        mem = memory[episode]
        clauses = split_clauses(str(request["task"]))
        plans = [plan(clause) for clause in clauses]
        if request.get("error") and mem["last"] is not None:  # the previous step failed: skip its clause
            mem["done"].update(f"{mem['last']}:{i}" for i in range(len(plans[mem["last"]])))
        for ci, intents in enumerate(plans):
            for ii, intent in enumerate(intents):
                if f"{ci}:{ii}" not in mem["done"]:
                    mem["done"].add(f"{ci}:{ii}")
                    action = resolve(intent, clauses[ci], request, mem, ci)
                    if action:
                        mem["last"] = ci
                        return {"action": action, "thought": f"clause {ci + 1}: {intent['kind']} {intent.get('text', '')}".strip()}
        return {"action": {"type": "done", "answer": mem["answer"]} if mem["answer"] else {"type": "done"}, "thought": "nothing left to do"}
    except Exception as error:  # a starting point must not crash an episode: stop instead
        return {"action": {"type": "done"}, "thought": f"agent error: {error!r}"}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        if self.path.split("?")[0] != "/act":
            return self.not_found()
        try:
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"null")
        except ValueError as error:
            return self.reply(400, {"error": f"Expected a JSON body, got invalid JSON ({error})"})
        if not isinstance(request, dict) or request.get("protocol") != PROTOCOL:
            got = request.get("protocol") if isinstance(request, dict) else type(request).__name__
            return self.reply(400, {"error": f'Expected protocol "{PROTOCOL}", got {json.dumps(got)}'})
        self.reply(200, act(request))

    def not_found(self):
        self.reply(404, {"error": f"Expected POST /act, got {self.command} {self.path}"})

    do_GET = do_PUT = do_PATCH = do_DELETE = not_found

    def reply(self, status, body):
        data = json.dumps(body, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):  # keep stdout to the one "listening on" line
        pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Greedy keyword agent for trajsynth, over HTTP")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any free port)")
    server = ThreadingHTTPServer(("127.0.0.1", parser.parse_args().port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/act", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
