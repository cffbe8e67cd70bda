import type { PageTemplate } from './vocab-types.js';

export const PRODUCT_PAGES: readonly PageTemplate[] = [
  {
    title: 'Product',
    parent: null,
    tags: ['roadmap'],
    body: `The **Product** space holds our roadmap, requirements, research and release notes.

## Where things live
- Strategy and priorities: [[Product Roadmap 2026]]
- Specs: [[Product Requirements]]
- What customers told us: [[Customer Research]]
- What we shipped: [[Release Notes]]

Product leads: {person} and {person}.`,
  },
  {
    title: 'Product Roadmap 2026',
    parent: 'Product',
    tags: ['roadmap'],
    body: `Our three bets for 2026, reviewed every quarter.

## Bets
1. **Offline-first mobile** — field teams lose signal daily. See [[PRD: Offline Mode]].
2. **Team workspaces** — shared views for larger accounts. See [[PRD: Team Workspaces]].
3. **Self-serve billing** — fewer tickets about invoices.

## Success metrics
- Weekly active teams up {n:15-30}% by December.
- Support tickets about billing down by half.

## Status
Planning for the next quarter is in [[Q3 Planning Notes]]. Owner: {person}.`,
  },
  {
    title: 'Q3 Planning Notes',
    parent: 'Product Roadmap 2026',
    tags: ['roadmap', 'meeting-notes'],
    body: `Notes from the Q3 planning session on {date:-20--5}.

## Attendees
{person}, {person}, {person}

## Decisions
- Offline mode moves to beta in August.
- Team workspaces start with **read-only sharing**.
- We pause the reporting redesign until Q4.

## Open questions
1. Do we need a new pricing tier for workspaces?
2. Who owns the migration of legacy dashboards?

Follow-up review in two weeks.`,
  },
  {
    title: 'Product Requirements',
    parent: 'Product',
    tags: ['how-to'],
    body: `Every significant feature starts with a short requirements document.

## Template
- **Problem** — who hurts and how we know.
- **Goals and non-goals**
- **Proposal** — the smallest thing that solves the problem.
- **Metrics** — how we will know it worked.

## Current specs
- [[PRD: Offline Mode]]
- [[PRD: Team Workspaces]]

Reviews happen on Tuesdays; book a slot with {person}.`,
  },
  {
    title: 'PRD: Offline Mode',
    parent: 'Product Requirements',
    tags: ['roadmap', 'research'],
    body: `## Problem
Field technicians lose connectivity for up to **{n:20-60} minutes** at a time and cannot log work.

## Goals
- Create and edit jobs without a connection.
- Sync automatically when back online.

## Non-goals
- Offline access to reports.

## Proposal
1. Store the last 7 days of jobs on the device.
2. Queue changes locally and replay them in order.
3. Show a clear **Offline** badge and the number of pending changes.

Research: [[Interview Notes: Acme Logistics]]. PM: {person}.`,
  },
  {
    title: 'PRD: Team Workspaces',
    parent: 'Product Requirements',
    tags: ['roadmap'],
    body: `## Problem
Accounts with more than {n:40-80} users struggle to share dashboards between teams.

## Goals
- Group people and dashboards into workspaces.
- Let admins control who can edit.

## Proposal
1. A workspace switcher in the top bar.
2. Roles: owner, editor, viewer.
3. Read-only sharing first, editing later.

## Risks
Permissions complexity. {person} is drafting the permission matrix.`,
  },
  {
    title: 'Customer Research',
    parent: 'Product',
    tags: ['research'],
    body: `Interviews, surveys and usability tests, newest first.

## Recent studies
- [[Interview Notes: Acme Logistics]]
- [[Survey Results May 2026]]

## How to request research
Fill in the intake form and tag {person}. We run about **{n:6-10} interviews** a month.`,
  },
  {
    title: 'Interview Notes: Acme Logistics',
    parent: 'Customer Research',
    tags: ['research', 'meeting-notes'],
    body: `Interview with the operations lead at Acme Logistics on {date:-40--10}. Interviewer: {person}.

## Context
- {n:120-300} drivers, mostly rural routes.
- They use paper forms when the app is offline.

## Key quotes
- "We lose an hour a day re-typing paper notes."
- "Dispatch needs to see changes the moment a driver is back online."

## Takeaways
1. Offline editing is the top request.
2. Sync conflicts must be visible, not silent.

Feeds into [[PRD: Offline Mode]].`,
  },
  {
    title: 'Survey Results May 2026',
    parent: 'Customer Research',
    tags: ['research'],
    body: `We surveyed **{n:350-900} customers** in May.

## Highlights
- {n:55-75}% use the mobile app weekly.
- Top request: offline mode.
- Second request: shared dashboards for teams.

## Satisfaction
NPS moved from 31 to {n:34-45}. Detractors mention slow exports and billing confusion.

Full data export is in the research drive; contact {person}.`,
  },
  {
    title: 'Release Notes',
    parent: 'Product',
    tags: ['release-notes'],
    body: `Customer-facing release notes. We publish one page per minor release.

## Releases
- [[Release 4.3]]
- [[Release 4.2]]

## Style
Write for customers: lead with the benefit, avoid internal names. Drafts are reviewed by {person}.`,
  },
  {
    title: 'Release 4.2',
    parent: 'Release Notes',
    tags: ['release-notes'],
    body: `Released on {date:-70--45}.

## New
- **Bulk edit** for jobs: change status or assignee for up to 200 jobs at once.
- Export reports as CSV.

## Improved
- Dashboard loads {n:20-40}% faster.
- Clearer error messages on failed payments.

## Fixed
- Time zones in scheduled reports.`,
  },
  {
    title: 'Release 4.3',
    parent: 'Release Notes',
    tags: ['release-notes'],
    body: `Released on {date:-30--8}.

## New
- **Saved filters** on the jobs list.
- Dark mode for the web app.

## Improved
- Faster search across jobs and customers.
- The mobile app remembers your last view.

## Fixed
- Duplicate notifications for reassigned jobs.
- Invoices now show the correct tax line for EU customers.`,
  },
  {
    title: 'Pricing and Packaging',
    parent: 'Product',
    tags: ['roadmap'],
    body: `Current plans and how we decide on changes.

## Plans
- **Starter** — up to 10 users, core features.
- **Team** — up to {n:50-100} users, saved filters and exports.
- **Enterprise** — SSO, audit log, custom contracts.

## Changing prices
1. Proposal with revenue impact reviewed by {person}.
2. Existing customers get **60 days** notice.
3. Sales and Support are briefed a week before launch.`,
  },
];
