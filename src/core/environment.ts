import { z } from 'zod';
import { ViewportSchema } from './geometry.js';
import { InteractionKindSchema } from './task.js';

/**
 * Something an app offers that a run can exercise: an interaction kind on a route. Coverage reports
 * which declared affordances a run's accepted subtasks exercised and which were never touched.
 */
export const AffordanceDeclarationSchema = z.object({
  /** Route pattern, `:name` for a path segment, e.g. `/projects/:id`; `*` for every page, `/mail/*` for a subtree. */
  route: z.string().regex(/^(\*|\/[^|]*(\|\/[^|]*)*)$/, 'Expected a route such as /projects/:id, /mail/*, /mail/:folder|/labels/:id or *'),
  kind: InteractionKindSchema,
  /** Accessible name (or its start) of the form or control, when a route has several of a kind. */
  name: z.string().optional(),
  description: z.string(),
});
export type AffordanceDeclaration = z.infer<typeof AffordanceDeclarationSchema>;

/** What the harness needs to know about an environment before starting it. */
export const EnvironmentManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'Expected a kebab-case id'),
  title: z.string(),
  domain: z.string(),
  description: z.string(),
  startPath: z.string().startsWith('/'),
  viewport: ViewportSchema,
  /** Origins navigation may reach, besides the environment's own. */
  allowedOrigins: z.array(z.string()),
  /** Whether the environment exposes GET /__trajsynth/state and POST /__trajsynth/reset. */
  hasStateProbe: z.boolean(),
  /** What the app offers, for coverage reports; empty for external sites. */
  affordances: z.array(AffordanceDeclarationSchema).default([]),
});
export type EnvironmentManifest = z.infer<typeof EnvironmentManifestSchema>;

/** Any website as an environment: where to start and where navigation may go. */
export const UrlSiteSchema = z.object({
  url: z.string().url(),
  title: z.string().optional(),
  description: z.string().optional(),
  /** Origins besides the start URL's own that navigation may reach. */
  allowedOrigins: z.array(z.string().url()).default([]),
  viewport: ViewportSchema.optional(),
});
export type UrlSite = z.infer<typeof UrlSiteSchema>;

/**
 * A running environment: one per episode, on 127.0.0.1 and a port of its own. For a bundled app,
 * readState and reset carry the server's harness secret (HARNESS_SECRET_HEADER) in their closures;
 * it is no property of this object, so it cannot reach a page, a prompt, an observation or a file.
 */
export interface RunningEnvironment {
  manifest: EnvironmentManifest;
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  seed: number;
  /** Ground-truth state from the probe; undefined when the environment has none. */
  readState(signal?: AbortSignal): Promise<EnvironmentState | undefined>;
  reset(seed: number, signal?: AbortSignal): Promise<void>;
  /** The server's whole state, to set back later with `restore` (bundled apps; absent on websites). */
  snapshot?(signal?: AbortSignal): Promise<string>;
  restore?(snapshot: string, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** The probe's JSON: named collections of records. */
export const EnvironmentStateSchema = z.record(z.string(), z.array(z.record(z.string(), z.unknown())));
export type EnvironmentState = z.infer<typeof EnvironmentStateSchema>;

/** Every harness endpoint lives under this path; pages never link to it and episodes' browsers cannot reach it. */
export const HARNESS_PATH_PREFIX = '/__trajsynth/';
export const STATE_PROBE_PATH = '/__trajsynth/state';
export const RESET_PATH = '/__trajsynth/reset';
/**
 * A bundled app's whole server-side state as an opaque JSON text (POST, answers `{"snapshot": "…"}`),
 * and the state set back from one (POST `{"snapshot": "…"}`), so a replay can start where a recorded
 * chain was instead of replaying every step before it. Harness-only, like the probe.
 */
export const SNAPSHOT_PATH = '/__trajsynth/snapshot';
export const RESTORE_PATH = '/__trajsynth/restore';
/**
 * Header that must carry the server's secret (AppServer.secret) on every request under
 * HARNESS_PATH_PREFIX; without it the server answers 403. A page cannot send a custom header
 * cross-origin without a CORS preflight, which the servers never grant.
 */
export const HARNESS_SECRET_HEADER = 'x-trajsynth-secret';
/**
 * Header on the harness's own page loads (predicate reads, the site map): a bundled app answers them
 * as it would a person's GET but changes no state for them (a mail client does not mark the message
 * read, a flash message is not consumed), so checking a task never changes its outcome.
 */
export const HARNESS_READ_HEADER = 'x-trajsynth-read';

/**
 * The contract a bundled web app (in environments/<id>/index.ts) implements. The app serves its
 * pages, the state probe and the reset on one HTTP server bound to `host` (127.0.0.1) and `port`
 * (0 = any free port); the same seed always yields the same data; a request carrying
 * HARNESS_READ_HEADER changes no state; the probe and the reset refuse a request without the
 * server's secret in HARNESS_SECRET_HEADER.
 */
export interface BundledApp {
  manifest: EnvironmentManifest;
  start(options: AppStartOptions): Promise<AppServer>;
}

export interface AppStartOptions {
  seed: number;
  host?: string;
  port?: number;
}

export interface AppServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  origin: string;
  /**
   * Crypto-random, made when the server starts: the state probe and the reset answer only requests
   * carrying it in HARNESS_SECRET_HEADER. Only the harness holds it.
   */
  secret: string;
  close(): Promise<void>;
}
