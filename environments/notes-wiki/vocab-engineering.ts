import type { PageTemplate } from './vocab-types.js';

export const ENGINEERING_PAGES: readonly PageTemplate[] = [
  {
    title: 'Engineering',
    parent: null,
    tags: ['onboarding'],
    body: `Welcome to the **Engineering** space. This is where we keep architecture notes, runbooks and the way we work.

## Start here
- New to the team? Read [[Engineering Onboarding]] first.
- Shipping something? Follow [[Deploying to Production]].
- Something on fire? Go to [[Incident Response]].

## Owners
The space is maintained by {person} and {person}. Ask in #eng-help if a page is out of date.`,
  },
  {
    title: 'Architecture Overview',
    parent: 'Engineering',
    tags: ['architecture'],
    body: `Our platform is a set of **{n:9-14} services** behind a single API gateway, backed by Postgres and a Kafka event bus.

## Big picture
- Clients talk to the gateway over HTTPS; the gateway handles auth and rate limits.
- Services own their data and publish changes as events.
- Reporting reads from a replicated warehouse, never from production databases.

## Principles
1. Prefer boring technology we already run.
2. Every service has an owner in the [[Service Catalog]].
3. APIs follow the [[API Design Guidelines]].

## Diagrams
The current system diagram lives in the design tool; {person} updates it after every quarterly review.`,
  },
  {
    title: 'Service Catalog',
    parent: 'Architecture Overview',
    tags: ['architecture', 'backend'],
    body: `Every production service, its owner and its on-call channel.

## Core services
- **gateway** — edge routing and auth, owned by Platform
- **billing** — invoices and payment retries, owned by Payments
- **ledger** — double-entry balances, owned by Payments
- **notifier** — email, push and webhooks, owned by Growth
- **search-indexer** — keeps search in sync, owned by Platform

## Adding a service
Open a request with {person} and fill in owner, tier and runbook link. Tier 1 services need a [[Database Failover]] plan before launch.`,
  },
  {
    title: 'API Design Guidelines',
    parent: 'Architecture Overview',
    tags: ['backend', 'architecture'],
    body: `How we design public and internal HTTP APIs.

## Resources
- Use plural nouns: \`/invoices\`, \`/invoices/{id}\`.
- Return **201** with a Location header on create.
- Never break an existing field; add a new one instead.

## Pagination
Use cursor pagination with \`limit\` (max {n:100-200}) and \`cursor\`. Offsets are not allowed on tables over a million rows.

## Errors
Errors return a JSON body with \`code\`, \`message\` and \`hint\`. See [[Data Model Conventions]] for field naming.`,
  },
  {
    title: 'Data Model Conventions',
    parent: 'Architecture Overview',
    tags: ['backend'],
    body: `Naming and typing rules for database tables and event payloads.

## Naming
- Tables are plural snake_case: \`payment_attempts\`.
- Timestamps end in \`_at\` and are stored in UTC.
- Money is stored in **minor units** as integers, with a currency column.

## Migrations
1. Add columns as nullable first.
2. Backfill in batches of {n:500-2000} rows.
3. Add constraints in a separate release.

Questions go to {person}, who reviews every schema change.`,
  },
  {
    title: 'Runbooks',
    parent: 'Engineering',
    tags: ['runbook'],
    body: `Step-by-step procedures for operating production. Each runbook names an owner and is reviewed every quarter.

## Index
- [[Deploying to Production]]
- [[Rolling Back a Release]]
- [[Database Failover]]
- [[Rotating API Keys]]

## Writing a runbook
Keep steps **numbered and copy-pasteable**. If a step needs judgment, say who decides.`,
  },
  {
    title: 'Deploying to Production',
    parent: 'Runbooks',
    tags: ['runbook', 'infrastructure'],
    body: `We deploy from \`main\` several times a day. Deploys are blocked on Fridays after 15:00 unless {person} approves.

## Before you deploy
- CI is green on the commit you are shipping.
- Migrations were applied in a **separate** deploy.
- The change has a feature flag if it touches billing.

## Steps
1. Run \`deploy plan\` and check the diff of services.
2. Run \`deploy apply --canary\` and watch error rates for {n:10-20} minutes.
3. Promote with \`deploy promote\`.
4. Post the release link in #deploys.

## If something looks wrong
Stop and follow [[Rolling Back a Release]].`,
  },
  {
    title: 'Rolling Back a Release',
    parent: 'Runbooks',
    tags: ['runbook', 'incident'],
    body: `Roll back first, investigate later. A rollback takes about {n:4-9} minutes.

## Steps
1. Run \`deploy rollback --to previous\`.
2. Confirm the canary dashboard returns to baseline.
3. Announce the rollback in #incidents and tag {person}.

## Migrations
Rollbacks never revert migrations. If a migration caused the problem, page the database owner and see [[Database Failover]].`,
  },
  {
    title: 'Database Failover',
    parent: 'Runbooks',
    tags: ['runbook', 'infrastructure'],
    body: `Promoting the replica when the primary Postgres instance is unhealthy.

## When to fail over
- The primary has been unreachable for more than **{n:2-5} minutes**.
- Replication lag on the standby is under 30 seconds.

## Steps
1. Freeze writes with \`maintenance on\`.
2. Promote the standby: \`pg promote standby-1\`.
3. Point the connection pooler at the new primary.
4. Turn maintenance off and watch error rates.

Last drill: {date:-60--20}, run by {person}.`,
  },
  {
    title: 'Rotating API Keys',
    parent: 'Runbooks',
    tags: ['runbook', 'security'],
    body: `Third-party API keys are rotated every **{n:60-90} days** or immediately after a suspected leak.

## Steps
1. Create the new key in the vendor console.
2. Store it in the secrets manager under the same path with a new version.
3. Restart the consuming service and confirm calls succeed.
4. Revoke the old key after 24 hours.

See [[Password and MFA Policy]] for how secrets must be stored.`,
  },
  {
    title: 'Incident Response',
    parent: 'Engineering',
    tags: ['incident'],
    body: `How we respond when customers are affected.

## Roles
- **Incident commander** coordinates and decides.
- **Communications lead** updates the status page every 30 minutes.
- **Responders** investigate and fix.

## Process
1. Declare an incident in #incidents with \`/incident new\`.
2. Pick a severity from [[Severity Levels]].
3. After resolution, write a postmortem using the [[Postmortem Template]].

Current on-call is listed in [[On-call Rotation]].`,
  },
  {
    title: 'On-call Rotation',
    parent: 'Incident Response',
    tags: ['incident'],
    body: `Primary and secondary on-call rotate **weekly on Mondays at 10:00**.

## This quarter
- Primary this week: {person}
- Secondary this week: {person}
- Handover notes go in #oncall-handover.

## Expectations
- Acknowledge pages within {n:5-15} minutes.
- Hand over open issues at the end of your shift.
- Take a recovery day after a night with more than two pages.`,
  },
  {
    title: 'Postmortem Template',
    parent: 'Incident Response',
    tags: ['incident', 'how-to'],
    body: `Copy this page for every Sev 1 or Sev 2 incident. Postmortems are **blameless**.

## Summary
One paragraph: what happened, how long, who was affected.

## Timeline
- Detection time
- Mitigation time
- Resolution time

## Root cause
Explain the contributing factors, not the person.

## Action items
1. Each item has an owner and a due date.
2. Review action items in the weekly ops review with {person}.`,
  },
  {
    title: 'Severity Levels',
    parent: 'Incident Response',
    tags: ['incident'],
    body: `Pick the highest level that matches.

## Levels
- **Sev 1** — full outage or data loss; all hands, status page within 10 minutes.
- **Sev 2** — a major feature is down for many customers.
- **Sev 3** — degraded performance or a workaround exists.
- **Sev 4** — cosmetic or internal only.

Last year we had {n:3-8} Sev 1 incidents. Escalate to {person} if unsure.`,
  },
  {
    title: 'Engineering Onboarding',
    parent: 'Engineering',
    tags: ['onboarding'],
    body: `Your first two weeks as an engineer at Northwind.

## Week one
1. Get your laptop ready with [[Laptop Setup]].
2. Follow [[Local Development Setup]] and run the test suite.
3. Ship a small fix with your onboarding buddy.

## Week two
- Shadow an on-call shift.
- Read the [[Architecture Overview]].
- Review a pull request using the [[Code Review Guidelines]].

Your buddy is assigned by {person} before day one.`,
  },
  {
    title: 'Local Development Setup',
    parent: 'Engineering Onboarding',
    tags: ['onboarding', 'how-to'],
    body: `Getting the monorepo running on your machine takes about **{n:30-60} minutes**.

## Prerequisites
- Node 20 and pnpm
- Docker Desktop with at least 8 GB of memory
- Access to the package registry (ask in #eng-help)

## Steps
1. Clone the repository and run \`pnpm install\`.
2. Start dependencies with \`docker compose up -d\`.
3. Seed the database: \`pnpm db:seed\`.
4. Run \`pnpm dev\` and open the app on port 3000.

Stuck? Pair with {person}.`,
  },
  {
    title: 'Code Review Guidelines',
    parent: 'Engineering Onboarding',
    tags: ['how-to'],
    body: `Reviews keep quality high and spread knowledge.

## For authors
- Keep pull requests under **{n:300-500} lines** where possible.
- Explain *why* in the description, not just *what*.

## For reviewers
1. Respond within one working day.
2. Label comments as **blocking** or **nit**.
3. Approve when it is good enough, not perfect.

See also [[API Design Guidelines]] for API changes.`,
  },
  {
    title: 'Frontend Handbook',
    parent: 'Engineering',
    tags: ['frontend'],
    body: `Conventions for the web app.

## Stack
- TypeScript everywhere, strict mode on.
- Components live next to their tests.
- Styles come from the [[Design System]] tokens.

## Quality bar
- Every screen passes the [[Accessibility Checklist]].
- Bundle size budget is **{n:180-250} KB** gzipped for the main route.

Frontend guild meets every other Thursday; {person} runs it.`,
  },
  {
    title: 'Accessibility Checklist',
    parent: 'Frontend Handbook',
    tags: ['frontend', 'accessibility'],
    body: `Run through this list before a screen ships.

## Checklist
- Every control has an accessible name.
- Focus order follows the visual order.
- Color contrast is at least **4.5:1** for body text.
- Dialogs trap focus and close with Escape.
- Forms show errors in text, not only color.

Audit owner: {person}. Last full audit: {date:-80--30}.`,
  },
  {
    title: 'Design Tokens in Code',
    parent: 'Frontend Handbook',
    tags: ['frontend', 'design-system'],
    body: `How tokens from the [[Design System]] reach the codebase.

## Pipeline
1. Designers publish tokens from the design tool.
2. A nightly job opens a pull request with the JSON changes.
3. {person} reviews and merges it.

## Usage
Use \`var(--color-text-primary)\` instead of hex values. Raw colors fail the lint step.

See [[Color Palette]] for the names.`,
  },
];
