import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { errorMessage } from '../../core/errors.js';
import { describeIssue } from '../../store/parse-file.js';
import { readZip } from '../zip-reader.js';
import {
  PLAYWRIGHT_TRACE_VERIFIED_WITH,
  PLAYWRIGHT_TRACE_VERSION,
  TraceEventSchema,
  type BeforeEvent,
  type TraceEvent,
} from './playwright-trace-schema.js';

/** The event stream of an archive, as the file names it. */
export const TRACE_ENTRY = 'trace.trace';

/** The events of a trace archive's `trace.trace`, each parsed through the schema (for tests and tools). */
export function traceEvents(entries: ReadonlyMap<string, Uint8Array>): {
  events: { line: number; event: TraceEvent }[];
  problems: string[];
} {
  const bytes = entries.get(TRACE_ENTRY);
  if (!bytes)
    return {
      events: [],
      problems: [
        `Expected a ${TRACE_ENTRY} entry, got ${entries.size ? `only ${[...entries.keys()].slice(0, 5).join(', ')}` : 'an empty archive'}`,
      ],
    };
  const events: { line: number; event: TraceEvent }[] = [];
  const problems: string[] = [];
  const lines = Buffer.from(bytes).toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((text, index) => {
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      problems.push(`${TRACE_ENTRY} line ${line}: Expected one JSON event per line, got invalid JSON (${errorMessage(error)})`);
      return;
    }
    const parsed = TraceEventSchema.safeParse(value);
    if (parsed.success) events.push({ line, event: parsed.data });
    else problems.push(`${TRACE_ENTRY} line ${line}: ${describeIssue(parsed.error)}`);
  });
  return { events, problems };
}

/**
 * What is wrong with a trace archive's contents, one line each: events that do not parse as the
 * version this build writes, actions without their end, references to calls or groups that are not
 * there, files named by events that the archive lacks, resources whose bytes do not hash to their
 * sha1 name, screenshots that do not decode or whose size differs from their frame's.
 */
export async function traceProblems(entries: ReadonlyMap<string, Uint8Array>): Promise<string[]> {
  const { events, problems } = traceEvents(entries);
  if (!entries.has(TRACE_ENTRY)) return problems;
  const first = events[0];
  if (!first || first.line !== 1 || first.event.type !== 'context-options') {
    problems.push(
      `${TRACE_ENTRY} line 1: Expected a context-options event with version ${PLAYWRIGHT_TRACE_VERSION} (Playwright ${PLAYWRIGHT_TRACE_VERIFIED_WITH}), got ${first ? first.event.type : 'none'}`,
    );
  }
  const calls = new Map<string, BeforeEvent>();
  const ended = new Set<string>();
  const sizes = new Map<string, { width: number; height: number; line: number }>();
  for (const { line, event } of events) {
    const at = `${TRACE_ENTRY} line ${line}`;
    if (event.type === 'context-options' && line !== 1) problems.push(`${at}: Expected context-options only on line 1, got it again`);
    if (event.type === 'before') {
      if (calls.has(event.callId)) problems.push(`${at}: callId: Expected each call once, got "${event.callId}" again`);
      const parent = event.parentId === undefined ? undefined : calls.get(event.parentId);
      if (event.parentId !== undefined && parent?.method !== 'tracingGroup')
        problems.push(`${at}: parentId: Expected an earlier group, got "${event.parentId}"`);
      calls.set(event.callId, event);
    }
    if (event.type === 'input' || event.type === 'after' || event.type === 'screenshot') {
      const call = calls.get(event.callId);
      if (!call) problems.push(`${at}: callId: Expected a call started earlier, got "${event.callId}"`);
      if (event.type === 'after') {
        if (ended.has(event.callId)) problems.push(`${at}: callId: Expected one after event per call, got a second for "${event.callId}"`);
        if (call && event.endTime < call.startTime)
          problems.push(`${at}: endTime: Expected at least the call's startTime ${call.startTime}, got ${event.endTime}`);
        ended.add(event.callId);
      }
    }
    if (event.type === 'screencast-frame' || event.type === 'screenshot') {
      if (!entries.has(event.file)) problems.push(`${at}: file: Expected ${event.file} in the archive, got no such entry`);
      else if (event.type === 'screencast-frame' && !sizes.has(event.file))
        sizes.set(event.file, { width: event.width, height: event.height, line });
    }
  }
  for (const callId of calls.keys())
    if (!ended.has(callId)) problems.push(`${TRACE_ENTRY}: Expected an after event for every call, got none for "${callId}"`);
  for (const [name, bytes] of entries) {
    const sha1 = /^resources\/([0-9a-f]{40})(?:\.[a-z0-9]+)?$/.exec(name)?.[1];
    if (name.startsWith('resources/') && sha1 !== createHash('sha1').update(bytes).digest('hex'))
      problems.push(`${name}: Expected the bytes to hash to the sha1 in the name, got ${createHash('sha1').update(bytes).digest('hex')}`);
  }
  for (const [file, size] of sizes) {
    try {
      const metadata = await sharp(entries.get(file)!).metadata();
      if (metadata.width !== size.width || metadata.height !== size.height)
        problems.push(
          `${TRACE_ENTRY} line ${size.line}: width/height: Expected ${metadata.width}x${metadata.height} (the size of ${file}), got ${size.width}x${size.height}`,
        );
    } catch (error) {
      problems.push(`${file}: Expected a decodable image, got ${errorMessage(error)}`);
    }
  }
  return problems;
}

/** DatasetFormat.checkFile for a trace archive: reads the zip back and lists its problems, each prefixed with the file. */
export async function checkTraceArchive(root: string, file: string): Promise<string[]> {
  let entries: Map<string, Uint8Array>;
  try {
    entries = readZip(await readFile(join(root, file)));
  } catch (error) {
    return [`${file}: ${errorMessage(error)}`];
  }
  return (await traceProblems(entries)).map((line) => `${file}: ${line}`);
}
