import type { Observation } from '../../core/observation.js';
import type { Rng } from '../../core/random.js';
import type { Proposal } from '../../core/task.js';
import type { HiddenWay } from './aiming.js';
import { nthOf } from './affordances.js';
import { pathOf } from './propose-from-affordance.js';
import * as p from './phrasing.js';

const MENU_TEMPLATES = [
  'Open the {opener}{menu} and go to {link}.',
  'Go to {link} from the {opener}{menu}.',
  'Use the {opener}{menu} to open {link}.',
];

/**
 * A navigation through a closed menu: open it, then follow the link it keeps. The link is not on
 * the page until the menu opens, so the plan names it by role and name; the check is the address
 * it leads to.
 */
export function proposalThroughMenu(way: HiddenWay, observation: Observation, rng: Rng): Proposal {
  const { opener, link } = way;
  return {
    // “Account menu” is already a menu; “More actions” is not.
    description: p.phrase(rng, MENU_TEMPLATES, {
      opener: p.q(opener.name),
      menu: /\bmenu\b/i.test(opener.name) ? '' : ' menu',
      link: p.q(link.name),
    }),
    predicates: [{ kind: 'url', includes: link.path, exact: true }],
    interaction: 'navigate',
    entities: [opener.name, link.name],
    plan: [
      { type: 'click', target: { role: opener.role, name: opener.name, ref: opener.ref, nth: nthOf(observation.elements, opener) } },
      { type: 'click', target: { role: 'link', name: link.name } },
    ],
    affordance: `navigate:${link.name}`,
    proposedAt: pathOf(observation.url),
  };
}
