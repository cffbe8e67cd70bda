/**
 * A scripted "model" for the bundled project tracker, answering through the fake Anthropic server in
 * the Messages API's wire format. It reads the request the real agents rendered (the forced tool's
 * name, the task, the accessibility snapshot) and answers as a model would: level 1 opens a project
 * from the dashboard, level 2 marks one of its open tasks done (a state predicate over the probe),
 * level 3 reports the page's heading (an answer predicate). Every reply carries known usage, recorded
 * in `replies`, so tests can price it by hand.
 */
import type { FakeAnthropicReply, FakeAnthropicRequest, FakeAnthropicUsage } from './fake-anthropic.js';

export interface ScriptedReply {
  tool: string;
  usage: FakeAnthropicUsage;
}

export interface ScriptedTrackerModel {
  handle(request: FakeAnthropicRequest): FakeAnthropicReply;
  replies: ScriptedReply[];
}

function textOf(request: FakeAnthropicRequest): string {
  const parts: string[] = [];
  for (const message of request.body?.messages ?? []) {
    const content = typeof message.content === 'string' ? [{ type: 'text', text: message.content }] : message.content;
    for (const block of content) {
      if (block.type === 'text') parts.push(block.text);
      if (block.type === 'tool_result' && Array.isArray(block.content))
        for (const inner of block.content) if (inner.type === 'text') parts.push(inner.text);
    }
  }
  return parts.join('\n');
}

/** The first user message's text: the page the agent was shown (before any repair turn). */
function pageOf(request: FakeAnthropicRequest): string {
  const first = request.body?.messages?.[0];
  const content = typeof first?.content === 'string' ? [{ type: 'text', text: first.content }] : (first?.content ?? []);
  return content
    .filter((block: { type: string }) => block.type === 'text')
    .map((block: { text: string }) => block.text)
    .join('\n');
}

const PROJECT_LINK = /link "([^"]+)" \[ref=(e\d+)\][^\n]*\n\s*- \/url: \/projects\/(\d+)\n/g;
const OPEN_TASK = /checkbox "Mark “([^”]+)” done" \[ref=(e\d+)\]/;
const HEADING = /heading "([^"]+)" \[level=1\]/;

export function scriptedTrackerModel(options: { usage?: (index: number, tool: string) => FakeAnthropicUsage } = {}): ScriptedTrackerModel {
  const replies: ScriptedReply[] = [];
  const usageFor =
    options.usage ??
    ((index: number) => ({
      input_tokens: 1000 + 37 * index,
      output_tokens: 60 + (index % 7) * 11,
      cache_creation_input_tokens: index === 0 ? 1500 : 0,
      cache_read_input_tokens: index === 0 ? 0 : 1500,
    }));
  const reply = (tool: string, input: unknown): FakeAnthropicReply => {
    const usage = usageFor(replies.length, tool);
    replies.push({ tool, usage });
    return { kind: 'message', content: [{ type: 'tool_use', name: tool, input }], usage };
  };
  return {
    replies,
    handle(request) {
      const tool = request.body?.tool_choice?.name ?? request.body?.tools?.[0]?.name;
      const page = pageOf(request);
      const text = textOf(request);
      switch (tool) {
        case 'propose_task': {
          const done = (text.match(/^\d+\. /gm) ?? []).length;
          const here = /— https?:\/\/[^/\s]+(\/\S*)/.exec(page)?.[1] ?? '/';
          const project = [...page.matchAll(PROJECT_LINK)].find((match) => !here.startsWith(`/projects/${match[3]}`));
          const open = OPEN_TASK.exec(page);
          if (done === 0 && project) {
            return reply(tool, {
              description: `Open the project “${project[1]}”.`,
              interaction: 'navigate',
              entities: [project[1]],
              predicates: [{ kind: 'url', includes: `/projects/${project[3]}` }],
            });
          }
          if (open && done <= 1) {
            return reply(tool, {
              description: `Mark the task “${open[1]}” done.`,
              interaction: 'toggle',
              entities: [open[1]],
              predicates: [{ kind: 'state-field', collection: 'tasks', match: { title: open[1] }, field: 'status', equals: 'done' }],
            });
          }
          const heading = HEADING.exec(page)?.[1] ?? 'Trackly';
          return reply(tool, {
            description: `Report the main heading of the page (it reads “${heading}”).`,
            interaction: 'read',
            entities: [heading],
            predicates: [{ kind: 'answer', includes: heading }],
          });
        }
        case 'act': {
          const task = /Task: (.*)/.exec(text)?.[1] ?? '';
          const opening = /Open the project “([^”]+)”/.exec(task);
          const marking = /Mark the task “([^”]+)” done/.exec(task);
          const reading = /it reads “([^”]+)”/.exec(task);
          if (opening) {
            if (page.includes(`Current page: ${opening[1]} ·`))
              return reply(tool, { thought: 'The project is open.', action: { type: 'done' } });
            const link = new RegExp(`link "${escape(opening[1]!)}" \\[ref=(e\\d+)\\]`).exec(page);
            return reply(tool, {
              thought: 'Open the project.',
              action: { type: 'click', target: { role: 'link', name: opening[1], ...(link ? { ref: link[1] } : {}) } },
            });
          }
          if (marking) {
            const box = new RegExp(`checkbox "Mark “${escape(marking[1]!)}” done"( \\[checked\\])? \\[ref=(e\\d+)\\]`).exec(page);
            if (!box || box[1]) return reply(tool, { thought: 'It is done.', action: { type: 'done' } });
            return reply(tool, {
              thought: 'Tick it.',
              action: { type: 'click', target: { role: 'checkbox', name: `Mark “${marking[1]}” done`, ref: box[2] } },
            });
          }
          return reply(tool, { thought: 'Answer.', action: { type: 'done', answer: reading?.[1] ?? 'unknown' } });
        }
        case 'verdict':
          return reply(tool, { success: true, confidence: 0.9, reasons: ['The final screen shows the change.'] });
        case 'revise_task':
          return reply(tool, { achieved: false });
        case 'summary': {
          const descriptions = [...text.matchAll(/^\d+\. (.*)$/gm)].map((match) => match[1]);
          return reply(tool, { task: descriptions.join(' Then ') });
        }
        default:
          return { kind: 'status', status: 400, message: `scripted model: unexpected tool ${String(tool)}` };
      }
    },
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
