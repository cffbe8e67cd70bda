/**
 * Personas give tasks a point of view and the heuristic agents a vocabulary to fill forms with.
 * Values are built from parts, so a seed yields varied, field-appropriate and mostly unique text.
 */
export interface Persona {
  id: string;
  name: string;
  description: string;
  vocabulary: {
    verbs: readonly string[];
    objects: readonly string[];
    qualifiers: readonly string[];
    sentences: readonly string[];
    names: readonly string[];
    places: readonly string[];
  };
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'engineering-manager',
    name: 'Priya, engineering manager',
    description: 'Runs a platform team; plans sprints, unblocks reviews and tracks incidents.',
    vocabulary: {
      verbs: ['Migrate', 'Audit', 'Refactor', 'Benchmark', 'Document', 'Harden', 'Deprecate', 'Profile'],
      objects: [
        'billing webhooks',
        'auth token refresh',
        'search indexer',
        'feature flag service',
        'CI cache',
        'rate limiter',
        'audit log export',
        'SSO login flow',
      ],
      qualifiers: ['before code freeze', 'for the Q3 launch', 'in staging', 'for EU customers', 'after the incident review', 'for v2.4'],
      sentences: [
        'Paired with the on-call engineer; the fix is ready for review.',
        'Blocked on the schema change, will pick it up tomorrow.',
        'Benchmarks look good, p95 latency dropped by a third.',
        'Please double-check the rollback plan before merging.',
      ],
      names: ['Orion', 'Halcyon', 'Beacon', 'Quasar', 'Juniper', 'Cobalt'],
      places: ['Berlin', 'Toronto', 'Lisbon', 'Singapore'],
    },
  },
  {
    id: 'marketing-lead',
    name: 'Marco, marketing lead',
    description: 'Coordinates campaigns, launches and content calendars across regions.',
    vocabulary: {
      verbs: ['Draft', 'Schedule', 'Localize', 'Review', 'Publish', 'Plan', 'Refresh', 'Pitch'],
      objects: [
        'launch newsletter',
        'webinar landing page',
        'case study with Acme',
        'spring campaign brief',
        'partner co-marketing deck',
        'social media calendar',
        'pricing page copy',
        'customer survey',
      ],
      qualifiers: [
        'for the autumn launch',
        'in Spanish and German',
        'before the board meeting',
        'for the APAC region',
        'with the design team',
        'by end of month',
      ],
      sentences: [
        'Legal approved the copy; waiting on final visuals.',
        'Moved the send date so it does not clash with the webinar.',
        'Draft is in the shared folder, comments welcome.',
        'Numbers from the last campaign are attached for reference.',
      ],
      names: ['Sunrise', 'Momentum', 'Northstar', 'Evergreen', 'Catalyst', 'Horizon'],
      places: ['Madrid', 'Chicago', 'Sydney', 'Dublin'],
    },
  },
  {
    id: 'operations-analyst',
    name: 'Dana, operations analyst',
    description: 'Keeps vendors, budgets and office logistics in order; loves a tidy checklist.',
    vocabulary: {
      verbs: ['Reconcile', 'Renew', 'Order', 'Negotiate', 'Track', 'Consolidate', 'Inventory', 'Archive'],
      objects: [
        'vendor contracts',
        'laptop refresh batch',
        'office lease terms',
        'travel expense policy',
        'software licenses',
        'quarterly budget sheet',
        'security badge requests',
        'shipping rates',
      ],
      qualifiers: ['for the new hires', 'before renewal', 'for the Austin office', 'with finance', 'for FY27', 'this quarter'],
      sentences: [
        'Vendor confirmed the new rate in writing.',
        'Three quotes collected; the cheapest one ships in two weeks.',
        'Finance asked for the receipts by Friday.',
        'Updated the spreadsheet with the latest counts.',
      ],
      names: ['Atlas', 'Meridian', 'Keystone', 'Summit', 'Harbor', 'Pioneer'],
      places: ['Austin', 'Denver', 'Boston', 'Seattle'],
    },
  },
  {
    id: 'support-agent',
    name: 'Sam, customer support lead',
    description: 'Triages customer escalations and follows them through to a fix.',
    vocabulary: {
      verbs: ['Investigate', 'Reproduce', 'Escalate', 'Triage', 'Follow up on', 'Verify', 'Close out', 'Summarize'],
      objects: [
        'invoice PDF bug',
        'password reset emails',
        'mobile sync conflict',
        'CSV import timeout',
        'duplicate charges report',
        'dark mode contrast issue',
        'calendar invite glitch',
        'slow dashboard report',
      ],
      qualifiers: [
        'for Globex',
        'for enterprise tier',
        'reported twice this week',
        'before the SLA expires',
        'on Android 15',
        'for the Paris team',
      ],
      sentences: [
        'Customer confirmed the workaround works for now.',
        'Reproduced on the latest build, logs attached.',
        'Escalated to engineering with priority high.',
        'Closing once the customer replies.',
      ],
      names: ['Globex', 'Initech', 'Umbrella', 'Hooli', 'Vandelay', 'Stark'],
      places: ['Paris', 'Nairobi', 'Osaka', 'Oslo'],
    },
  },
];

export function getPersona(id: string): Persona | undefined {
  return PERSONAS.find((persona) => persona.id === id);
}
