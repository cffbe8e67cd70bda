import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ObservationSchema } from '../../src/core/observation.js';
import { findAffordances } from '../../src/agents/heuristic/affordances.js';
import { affordanceFamily } from '../../src/agents/heuristic/proposer.js';
import { exercises, routeMatches } from '../../src/environments/coverage.js';
import { mostSpecificRoute } from '../../src/environments/site-map.js';

describe('coverage of declared affordances', () => {
  it('matches routes with parameters, wildcards and alternatives, ignoring the query', () => {
    expect(routeMatches('/projects/:id', '/projects/3?page=2')).toBe(true);
    expect(routeMatches('/projects/:id', '/projects/3/board')).toBe(false);
    expect(routeMatches('/mail/*', '/mail/inbox')).toBe(true);
    expect(routeMatches('*', '/anything')).toBe(true);
    expect(routeMatches('/mail/:folder|/labels/:id', '/labels/4?show=starred')).toBe(true);
    expect(routeMatches('/mail/:folder|/labels/:id', '/messages/4')).toBe(false);
  });

  it('counts a named declaration only for a control that starts with that word', () => {
    const star = { route: '/mail/:folder', kind: 'toggle' as const, name: 'Star', description: '' };
    expect(exercises(star, { proposedAt: '/mail/inbox', interaction: 'toggle', affordance: 'toggle:Star “Lunch on Friday”' })).toBe(true);
    expect(exercises(star, { proposedAt: '/mail/inbox', interaction: 'navigate', affordance: 'navigate:Starred' })).toBe(false);
    expect(exercises(star, { proposedAt: '/messages/3', interaction: 'toggle', affordance: 'toggle:Star “Lunch on Friday”' })).toBe(false);
    const read = { route: '/', kind: 'read' as const, description: '' };
    expect(exercises(read, { proposedAt: '/?tab=1', interaction: 'read', affordance: 'read:Status' })).toBe(true);
  });

  it('assigns a page to its most specific route', () => {
    expect(mostSpecificRoute(['/pages/:id', '/pages/new', '/pages'], '/pages/new')).toBe('/pages/new');
    expect(mostSpecificRoute(['/pages/:id', '/pages/new'], '/pages/12')).toBe('/pages/:id');
    expect(mostSpecificRoute(['/pages/:id'], '/tags')).toBeUndefined();
  });

  it('groups affordances that differ only in their item into one family', () => {
    expect(affordanceFamily('item:Decline “Lunch & learn”')).toBe(affordanceFamily('item:Decline “Standup”'));
    expect(affordanceFamily('toggle:Show “Work”')).not.toBe(affordanceFamily('toggle:Star “Work”'));
  });

  it('reads values from description lists as facts about the page subject', () => {
    const path = join(import.meta.dirname, '../fixtures/observations/project-tracker-dashboard.json');
    const dashboard = ObservationSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
    const reads = findAffordances(dashboard).filter((affordance) => affordance.kind === 'read' && affordance.key === 'read:Open tasks');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ item: 'My work', element: { text: '10' } });
  });
});
