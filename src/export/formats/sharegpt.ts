import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DatasetFormat, ExportTurn, ExportUnit, FormatContext, FormatOutput } from '../sample.js';
import {
  actionArguments,
  assertImageAccepted,
  browserToolParameters,
  coordinatesPhrase,
  historyLines,
  observationText,
  outcomeText,
  taskText,
  type ImageRules,
} from './chat-common.js';
import { RecordFiles } from './record-files.js';
import { checkShareGptFile } from './sharegpt-rules.js';

/**
 * LLaMA-Factory's multimodal ShareGPT layout in its OpenAI-style tags (data/README.md of
 * hiyouga/LLaMA-Factory: "Multimodal Image Dataset" and "OpenAI Format"): `data/<split>.json`, a
 * JSON array of `{"messages": [{"role", "content"}], "images": [...]}`, one record per line, and
 * `dataset_info.json` at the root registering one dataset per split (`trajsynth_<split>`), so
 * `dataset_dir` is the export root. Image paths are `images/<sha256>.<ext>`, relative to
 * `media_dir`, which defaults to `dataset_dir` (hparams/data_args.py).
 *
 * As LLaMA-Factory's converter requires: an optional system message first, then user and assistant
 * strictly alternating, an even count ending with the assistant (an odd one is skipped as
 * "abnormal"); exactly one `<image>` per entry of `images`, in order. Every assistant turn is a
 * target (LLaMA-Factory learns all of them unless `mask_history`), so a trajectory is one
 * conversation and a step unit one user turn (history as text and kept screenshots) and its answer.
 * `<image>`, `<video>` and `<audio>` in page text are written `[image]` (and so on), since the loader
 * counts them as media markers; in an assistant's JSON `<` is escaped as \u003c.
 *
 * Actions are text: each assistant turn is one JSON object on one line, `{"action": "click", "ref":
 * "e12", "x": 0.41, "y": 0.2}`, the `browser` arguments the OpenAI and Anthropic formats use, and the
 * last is `{"action": "done"}` (with `"answer"` when the task asks for one). The system prompt states
 * this form and its schema. LLaMA-Factory loads images with PIL, which reads PNG, JPEG and WebP.
 */
const IMAGE_RULES: ImageRules = { consumer: 'LLaMA-Factory', mimeTypes: ['image/png', 'image/jpeg', 'image/webp'] };
export const DATASET_INFO_FILE = 'dataset_info.json';

interface ShareGptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ShareGptRecord {
  messages: ShareGptMessage[];
  images: string[];
}

export const sharegptFormat: DatasetFormat = {
  id: 'sharegpt',
  imageFiles: true,
  async write(units, context): Promise<FormatOutput> {
    const files = new RecordFiles(context.root, 'json-array');
    try {
      for await (const unit of units) {
        for (const turn of unit.turns) if (turn.image) assertImageAccepted(turn.image, IMAGE_RULES);
        await files.append(unit.sample.split, unit.id, await sharegptRecord(unit, context));
      }
      const written = await files.finish();
      const info = datasetInfo(written.files.map((file) => ({ split: file.split, path: file.path })));
      await writeFile(join(context.root, DATASET_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
      return { files: [...written.files, { path: DATASET_INFO_FILE, split: '', records: 0 }], records: written.records, notes: [] };
    } finally {
      await files.close();
    }
  },
  checkFile: (root, file) => checkShareGptFile(root, file),
};

/** dataset_info.json: one LLaMA-Factory dataset per split file. */
export function datasetInfo(files: { split: string; path: string }[]): Record<string, unknown> {
  const info: Record<string, unknown> = {};
  for (const file of files) {
    info[`trajsynth_${file.split}`] = {
      file_name: file.path,
      formatting: 'sharegpt',
      columns: { messages: 'messages', images: 'images' },
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
    };
  }
  return info;
}

/** The system prompt plus the action form this format writes. */
export function sharegptSystemPrompt(unit: ExportUnit, systemPrompt: string): string {
  const schema = JSON.stringify(browserToolParameters(unit.actionSpace, coordinatesPhrase(unit), { withDone: true }));
  return `${systemPrompt}\n\nAnswer every screen with exactly one action: one JSON object on one line, such as {"action": "click", ...}, following this schema: ${schema}\nCoordinates are ${coordinatesPhrase(unit)}. When the task is finished, answer {"action": "done"}, with "answer" when the task asks for information.`;
}

export async function sharegptRecord(
  unit: ExportUnit,
  context: Pick<FormatContext, 'systemPrompt' | 'writeImage'>,
): Promise<ShareGptRecord> {
  const images: string[] = [];
  const marker = async (turn: ExportTurn): Promise<string> => {
    if (!turn.image) return '';
    images.push(await context.writeImage(turn.image));
    return '\n<image>';
  };
  const messages: ShareGptMessage[] = [{ role: 'system', content: sharegptSystemPrompt(unit, context.systemPrompt) }];
  const turns = unit.turns;
  if (unit.unit === 'step') {
    const target = turns[turns.length - 1]!;
    const history = turns.slice(0, -1);
    let text = plain(taskText(unit));
    if (history.length > 0) text += `\n\nEarlier actions:\n${plain(historyLines(history, unit.actionSpace).join('\n'))}`;
    for (const [index, turn] of history.entries()) if (turn.image) text += `\n\nScreen before action ${index + 1}:${await marker(turn)}`;
    text += `\n\nCurrent screen:\n${plain(observationText(target))}${await marker(target)}`;
    messages.push({ role: 'user', content: text }, { role: 'assistant', content: actionText(unit, target) });
    return { messages, images };
  }
  for (const [index, turn] of turns.entries()) {
    const previous = turns[index - 1];
    const observation = plain(observationText(turn));
    const text = previous ? `${plain(outcomeText(previous))}\n${observation}` : `${plain(taskText(unit))}\n\n${observation}`;
    messages.push({ role: 'user', content: `${text}${await marker(turn)}` }, { role: 'assistant', content: actionText(unit, turn) });
  }
  return { messages, images };
}

/** An action as the assistant writes it: one JSON object, `<` escaped so no media marker appears. */
export function actionText(unit: ExportUnit, turn: ExportTurn): string {
  return JSON.stringify(actionArguments(turn.action, unit.actionSpace)).replace(/</g, '\\u003c');
}

/** Page text with LLaMA-Factory's media markers neutralized. */
function plain(text: string): string {
  return text.replace(/<(image|video|audio)>/g, '[$1]');
}
