import { TrajsynthError } from '../../core/errors.js';
import type { DatasetFormat, EncodedImage, ExportTurn, ExportUnit, FormatContext, FormatOutput } from '../sample.js';
import { actionArguments, historyLines, observationText, outcomeText, taskText } from './chat-common.js';
import { readJsonlRecords } from './jsonl-files.js';
import { openaiTools, stepMessages } from './openai.js';
import { RecordFiles } from './record-files.js';

/**
 * Preference pairs. Both formats take units that carry `rejected` (see preference-pairs.ts): a chosen
 * and a rejected attempt at the same task from the same start state.
 *
 * `dpo` follows TRL's conversational preference layout with images (TRL docs, "Dataset formats":
 * preference type `{prompt, chosen, rejected}`, conversational messages; vision datasets such as
 * HuggingFaceH4/rlaif-v_formatted add an `images` column, with `{"type": "image"}` placeholders in
 * the prompt's content, in order). TRL's collators feed images with the prompt, so the screenshots go
 * in the prompt: the step pair's screen (and history screens), or the first screen of a trajectory
 * pair, whose later observations reach chosen and rejected as text (URL, title, outcome).
 *
 * `openai-preference` follows OpenAI's DPO fine-tuning file (guides/direct-preference-optimization):
 * `{input: {messages, tools, parallel_tool_calls}, preferred_output: [assistant], non_preferred_output:
 * [assistant]}`, one assistant message per output, so it takes step pairs only.
 */

interface TrlPart {
  type: 'text' | 'image';
  text?: string;
}
interface TrlMessage {
  role: 'system' | 'user' | 'assistant';
  content: TrlPart[];
}

function text(value: string): TrlPart {
  return { type: 'text', text: value };
}

function actionText(unit: ExportUnit, turn: ExportTurn): string {
  return JSON.stringify(actionArguments(turn.action, unit.actionSpace));
}

async function imagePath(context: FormatContext, image: EncodedImage | undefined, images: string[]): Promise<TrlPart[]> {
  if (!image) return [];
  images.push(await context.writeImage(image));
  return [{ type: 'image' }];
}

/** A trajectory as assistant actions answered by user observations (text), ending on the last action. */
function trajectoryMessages(unit: ExportUnit, turns: readonly ExportTurn[]): TrlMessage[] {
  const messages: TrlMessage[] = [];
  turns.forEach((turn, index) => {
    messages.push({ role: 'assistant', content: [text(actionText(unit, turn))] });
    const next = turns[index + 1];
    if (next)
      messages.push({ role: 'user', content: [text(`${outcomeText(turn)}\n${observationText({ ...next, snapshot: undefined })}`)] });
  });
  return messages;
}

async function trlRecord(unit: ExportUnit, context: FormatContext): Promise<Record<string, unknown>> {
  const rejected = unit.rejected!;
  const images: string[] = [];
  const system: TrlMessage = { role: 'system', content: [text(context.systemPrompt)] };
  if (unit.unit === 'trajectory') {
    const first = unit.turns[0]!;
    const prompt: TrlMessage[] = [
      system,
      { role: 'user', content: [text(taskText(unit)), text(observationText(first)), ...(await imagePath(context, first.image, images))] },
    ];
    return {
      id: unit.id,
      images,
      prompt,
      chosen: trajectoryMessages(unit, unit.turns),
      rejected: trajectoryMessages(unit, rejected.turns),
    };
  }
  const target = unit.turns.at(-1)!;
  const history = unit.turns.slice(0, -1);
  const content: TrlPart[] = [text(taskText(unit))];
  if (history.length) content.push(text(`Earlier actions:\n${historyLines(history, unit.actionSpace).join('\n')}`));
  for (const turn of history) content.push(...(await imagePath(context, turn.image, images)));
  content.push(text(`Current screen:\n${observationText(target)}`), ...(await imagePath(context, target.image, images)));
  return {
    id: unit.id,
    images,
    prompt: [system, { role: 'user', content }],
    chosen: [{ role: 'assistant', content: [text(actionText(unit, target))] }],
    rejected: [{ role: 'assistant', content: [text(actionText(unit, rejected.turns.at(-1)!))] }],
  };
}

/** Writes one JSON line per pair, counting the pairs. */
async function writePairs(
  units: AsyncIterable<ExportUnit> | Iterable<ExportUnit>,
  context: FormatContext,
  toRecord: (unit: ExportUnit) => unknown,
): Promise<FormatOutput> {
  const files = new RecordFiles(context.root, 'jsonl');
  let pairs = 0;
  try {
    for await (const unit of units) {
      if (!unit.rejected) throw new TrajsynthError(`Expected a preference pair for ${unit.id}, got a single sample`, { code: 'INTERNAL' });
      await files.append(unit.sample.split, unit.id, await toRecord(unit));
      pairs += 1;
    }
    return { ...(await files.finish()), notes: [], pairs };
  } finally {
    await files.close();
  }
}

export const dpoFormat: DatasetFormat = {
  id: 'dpo',
  preference: true,
  imageFiles: true,
  write: (units, context) => writePairs(units, context, (unit) => trlRecord(unit, context)),
  async checkFile(root, file) {
    const { records, problems } = await readJsonlRecords(root, file);
    for (const { line, value } of records) {
      const record = value as { images?: unknown; prompt?: TrlMessage[]; chosen?: TrlMessage[]; rejected?: TrlMessage[] };
      if (
        !Array.isArray(record.images) ||
        !Array.isArray(record.prompt) ||
        !Array.isArray(record.chosen) ||
        !Array.isArray(record.rejected)
      ) {
        problems.push(`${file}:${line}: expected images, prompt, chosen and rejected arrays`);
        continue;
      }
      const placeholders = [...record.prompt, ...record.chosen, ...record.rejected]
        .flatMap((message) => message.content ?? [])
        .filter((part) => part.type === 'image').length;
      if (placeholders !== record.images.length)
        problems.push(`${file}:${line}: images: ${record.images.length} image(s) for ${placeholders} {"type": "image"} placeholder(s)`);
      if (record.chosen.at(-1)?.role !== 'assistant' || record.rejected.at(-1)?.role !== 'assistant')
        problems.push(`${file}:${line}: chosen and rejected must end on an assistant message`);
      if (JSON.stringify(record.chosen) === JSON.stringify(record.rejected))
        problems.push(`${file}:${line}: chosen and rejected are identical`);
    }
    return problems;
  },
};

export const openaiPreferenceFormat: DatasetFormat = {
  id: 'openai-preference',
  preference: true,
  imageFiles: false,
  write: (units, context) =>
    writePairs(units, context, (unit) => {
      if (unit.unit !== 'step') {
        throw new TrajsynthError(
          'Expected --unit step for --format openai-preference, got --unit trajectory: OpenAI preference outputs are one assistant message each',
          {
            code: 'BAD_INPUT',
            hint: 'Add --unit step (pairs cut where the two attempts first act differently), or use --format dpo for whole trajectories.',
          },
        );
      }
      const [user, preferred] = stepMessages(unit, unit.turns);
      const [, nonPreferred] = stepMessages(unit, unit.rejected!.turns);
      return {
        input: {
          messages: [{ role: 'system', content: context.systemPrompt }, user],
          tools: openaiTools(unit),
          parallel_tool_calls: false,
        },
        preferred_output: [preferred],
        non_preferred_output: [nonPreferred],
      };
    }),
  async checkFile(root, file) {
    const { records, problems } = await readJsonlRecords(root, file);
    for (const { line, value } of records) {
      const record = value as {
        input?: { messages?: { role: string }[] };
        preferred_output?: { role: string }[];
        non_preferred_output?: { role: string }[];
      };
      if (!Array.isArray(record.input?.messages) || record.input.messages.length === 0)
        problems.push(`${file}:${line}: input.messages: expected a non-empty array`);
      for (const field of ['preferred_output', 'non_preferred_output'] as const) {
        const output = record[field];
        if (!Array.isArray(output) || output.length !== 1 || output[0]?.role !== 'assistant')
          problems.push(`${file}:${line}: ${field}: expected exactly one assistant message`);
      }
      if (JSON.stringify(record.preferred_output) === JSON.stringify(record.non_preferred_output))
        problems.push(`${file}:${line}: preferred and non-preferred outputs are identical`);
    }
    return problems;
  },
};
