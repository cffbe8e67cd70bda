import { createReadStream, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ConsensusOptions } from '../core/review-consensus.js';
import { newReviewVerdict, ReviewQueueStreamSchema, type ReviewVerdict } from '../core/review.js';
import { errorMessage, isTrajsynthError, TrajsynthError } from '../core/errors.js';
import type { Step } from '../core/step.js';
import { chainLayout, type RunLayout } from '../store/layout.js';
import { appendReviewVerdict, readReviewVerdicts } from '../store/reviews-file.js';
import { readChain, readRunMeta, readSteps } from '../store/run-store.js';
import { renderReviewPage, renderReviewTask } from './render-review.js';
import { nextReviewTasks, remainingReviewTasks } from './review-queue.js';
import { loadReviewTasks, type ReviewTask } from './review-tasks.js';
import { send, startSiteServer, type SiteServer } from './site-server.js';
import { stepOwners } from './step-owner.js';
import { siteImage, trajectorySteps } from './trajectory-steps.js';

export interface ReviewServerOptions {
  layout: RunLayout;
  reviewer: string;
  port?: number;
  /** Seeds the queue's draws (with the reviewer and their verdict count). */
  seed?: number;
  /** Share of tasks served from where the machine is least sure (default 0.7); the rest at random. */
  uncertainShare?: number;
  consensus?: Partial<ConsensusOptions>;
  /** Told of every verdict recorded (for the CLI's running count). */
  onVerdict?(verdict: ReviewVerdict): void;
}

export interface ReviewServer extends SiteServer {
  /** Reviewable tasks in the run. */
  taskCount: number;
}

const ASSETS = new Set(['view.js', 'view.css', 'review.js']);
const REVIEWER = /^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u;

/**
 * Serves the review page on 127.0.0.1: GET /api/next gives the reviewer the next task of the queue
 * (most uncertain first for `uncertainShare` of picks, random for the rest, skipping what they
 * judged and what has reached consensus), POST /api/verdict appends their verdict to the run's
 * reviews.jsonl. Verdicts are re-read on every request, so reviewers sharing a run see each other's.
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  if (!REVIEWER.test(options.reviewer)) {
    throw new TrajsynthError(
      `Expected --reviewer to be a name (letters, digits, space . _ @ -, at most 64), got ${JSON.stringify(options.reviewer)}`,
      { code: 'BAD_INPUT', hint: 'Example: --reviewer alice' },
    );
  }
  const meta = await readRunMeta(options.layout);
  const run = await loadReviewTasks(options.layout);
  const byId = new Map(run.tasks.map((task) => [task.taskId, task]));
  const images = new Map<string, string>();
  const chains = new Map<string, Promise<{ steps: Step[]; owner: ReturnType<typeof stepOwners> }>>();
  const chainOf = (chainId: string) => {
    let chain = chains.get(chainId);
    if (!chain) {
      chain = Promise.all([readSteps(options.layout, chainId), readChain(options.layout, chainId)]).then(([steps, record]) => ({
        steps,
        owner: stepOwners(record ?? { subtasks: [] }),
      }));
      chains.set(chainId, chain);
    }
    return chain;
  };
  const queueOptions = {
    reviewer: options.reviewer,
    seed: options.seed ?? 1,
    ...(options.uncertainShare !== undefined ? { uncertainShare: options.uncertainShare } : {}),
    ...(options.consensus ? { consensus: options.consensus } : {}),
  };

  /** The queue's next task, or (`taskId`) one task again: a reviewer changing a verdict (their latest one counts). */
  const next = async (taskId: string | null) => {
    const verdicts = await readReviewVerdicts(options.layout);
    const remaining = remainingReviewTasks(run.tasks, { ...queueOptions, verdicts }).length;
    const reviewed = new Set(verdicts.filter((verdict) => verdict.reviewer === options.reviewer).map((verdict) => verdict.taskId)).size;
    if (taskId !== null) {
      const task = byId.get(taskId);
      if (!task)
        throw new TrajsynthError(`Expected task to be a task of run ${run.runId}, got ${JSON.stringify(taskId)}`, { code: 'BAD_INPUT' });
      return {
        done: false,
        taskId,
        queue: 'chosen',
        textSha256: task.textSha256,
        remaining,
        reviewed,
        total: run.tasks.length,
        ...(await taskFragment(task, 'chosen')),
      };
    }
    const [pick] = nextReviewTasks(run.tasks, { ...queueOptions, verdicts });
    if (!pick) return { done: true, remaining: 0, reviewed, total: run.tasks.length };
    const fragment = await taskFragment(pick.task, pick.queue);
    return {
      done: false,
      taskId: pick.task.taskId,
      queue: pick.queue,
      textSha256: pick.task.textSha256,
      remaining,
      reviewed,
      total: run.tasks.length,
      ...fragment,
    };
  };

  const taskFragment = async (task: ReviewTask, queue: string) => {
    const dir = chainLayout(options.layout, task.chainId).dir;
    const chain = await chainOf(task.chainId);
    const steps = chain.steps.filter((step) => step.index >= task.gold.start && step.index < task.gold.end);
    const position = new Map(task.subtasks.map((subtask, index) => [subtask.id, index]));
    const imageDir = `img/${task.chainId}`;
    const views = await trajectorySteps({
      dir,
      steps,
      imageDir,
      images,
      callsByStep: new Map(),
      pathOnly: meta.config.environment !== 'url',
      subtaskOf: (step) => {
        const owner = chain.owner(step);
        return { ...owner, position: position.get(owner.id) ?? task.subtasks.length };
      },
    });
    const last = steps[steps.length - 1];
    const finalImage = last ? siteImage({ dir, imageDir, images }, last.after.screenshot) : undefined;
    return {
      html: renderReviewTask(task, views, finalImage, queue).text,
      model: {
        steps: views,
        subtasks: task.subtasks.map((subtask) => ({ id: subtask.id, description: subtask.description, status: 'accepted' })),
        levels: [],
        finalImage: finalImage ?? null,
      },
    };
  };

  const record = async (request: IncomingMessage) => {
    const body = JSON.parse(await readBody(request)) as Record<string, unknown>;
    const task = typeof body.taskId === 'string' ? byId.get(body.taskId) : undefined;
    if (!task)
      throw new TrajsynthError(`Expected taskId to be a task of run ${run.runId}, got ${JSON.stringify(body.taskId)}`, {
        code: 'BAD_INPUT',
      });
    const queue = ReviewQueueStreamSchema.safeParse(body.queue);
    const verdict = newReviewVerdict({
      taskId: task.taskId,
      reviewer: options.reviewer,
      verdict: body.verdict as never,
      ...(typeof body.reason === 'string' && body.reason !== '' ? { reason: body.reason as never } : {}),
      ...(typeof body.comment === 'string' ? { comment: body.comment } : {}),
      ...(queue.success ? { queue: queue.data } : {}),
      taskTextSha256: task.textSha256,
    });
    await appendReviewVerdict(options.layout, verdict);
    options.onVerdict?.(verdict);
    return verdict;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (url.pathname === '/' && request.method === 'GET') {
      send(response, 200, renderReviewPage({ reviewer: options.reviewer, runId: run.runId }), 'text/html; charset=utf-8');
    } else if (url.pathname === '/api/next' && request.method === 'GET') {
      await answer(response, () => next(url.searchParams.get('task')));
    } else if (url.pathname === '/api/verdict' && request.method === 'POST') {
      await answer(response, async () => ({ recorded: await record(request) }));
    } else if (url.pathname.startsWith('/img/')) {
      const source = images.get(decodeURIComponent(url.pathname.slice(1)));
      if (!source || !existsSync(source)) send(response, 404, 'Not found');
      else {
        response.writeHead(200, { 'content-type': 'image/webp', 'cache-control': 'max-age=3600' });
        createReadStream(source).pipe(response);
      }
    } else if (url.pathname.startsWith('/assets/') && ASSETS.has(url.pathname.slice('/assets/'.length))) {
      const name = url.pathname.slice('/assets/'.length);
      send(
        response,
        200,
        await readFile(new URL(`./assets/${name}`, import.meta.url), 'utf8'),
        name.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
      );
    } else {
      send(response, 404, 'Not found');
    }
    return true;
  };
  // Every request is answered by a route: the server exposes no directory.
  const server = await startSiteServer({
    root: options.layout.runDir,
    ...(options.port !== undefined ? { port: options.port } : {}),
    handle,
  });
  return { ...server, taskCount: run.tasks.length };
}

async function answer(response: ServerResponse, produce: () => Promise<unknown>): Promise<void> {
  try {
    send(response, 200, JSON.stringify(await produce()), 'application/json');
  } catch (error) {
    const status = isTrajsynthError(error) && error.code === 'BAD_INPUT' ? 400 : error instanceof SyntaxError ? 400 : 500;
    send(response, status, JSON.stringify({ error: errorMessage(error) }), 'application/json');
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > 64_000) throw new TrajsynthError('Expected a verdict of at most 64 kB, got more', { code: 'BAD_INPUT' });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
