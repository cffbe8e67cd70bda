import type { PageTemplate } from './vocab-types.js';

export const DESIGN_PAGES: readonly PageTemplate[] = [
  {
    title: 'Design',
    parent: null,
    tags: ['design-system'],
    body: `The **Design** space: our design system, brand and how we critique work.

## Start here
- [[Design System]] for components and tokens
- [[Brand Guidelines]] for logo, voice and tone
- [[Design Critique Process]] for getting feedback

Design leads: {person}.`,
  },
  {
    title: 'Design System',
    parent: 'Design',
    tags: ['design-system'],
    body: `Our shared components and tokens, used by web and mobile.

## Foundations
- [[Color Palette]]
- [[Typography]]
- Spacing on a 4px grid

## Components
We maintain **{n:38-55} components**. Their status is tracked in [[Component Status]].

## Contributing
Propose a component in #design-system; {person} triages proposals every Wednesday.`,
  },
  {
    title: 'Color Palette',
    parent: 'Design System',
    tags: ['design-system', 'accessibility'],
    body: `Semantic color tokens. Use names, never hex values.

## Core tokens
- \`color-text-primary\` — body text
- \`color-accent\` — primary actions and links
- \`color-danger\` — destructive actions and errors
- \`color-surface\` — cards and panels

## Contrast
All text pairs meet **WCAG AA**. Check new pairs with the [[Accessibility Checklist]].`,
  },
  {
    title: 'Typography',
    parent: 'Design System',
    tags: ['design-system'],
    body: `We use the system font stack for speed and familiarity.

## Scale
- Display: 32/40
- Heading: 22/28
- Body: 14/20
- Caption: 12/16

## Rules
1. One heading level per step; do not skip levels.
2. Line length stays under **{n:70-80} characters**.`,
  },
  {
    title: 'Component Status',
    parent: 'Design System',
    tags: ['design-system', 'frontend'],
    body: `Where each component stands across design and code.

## Stable
- Button, Input, Select, Checkbox, Dialog, Table

## In progress
- **Date picker** — owner {person}, target {date:10-40}
- **Tree view** — owner {person}

## Deprecated
- Old tabs component; migrate to the new Tabs by the end of the quarter.`,
  },
  {
    title: 'Design Critique Process',
    parent: 'Design',
    tags: ['how-to'],
    body: `Critique is about the work, not the designer.

## Format
1. The presenter shares the goal and constraints (5 minutes).
2. Silent review with comments (10 minutes).
3. Discussion of the top three themes (15 minutes).

## Schedule
Every Thursday at 14:00. Sign up with {person}. About **{n:3-6} sessions** run each month.`,
  },
  {
    title: 'Brand Guidelines',
    parent: 'Design',
    tags: ['brand'],
    body: `How Northwind looks and sounds.

## Pages
- [[Logo Usage]]
- [[Voice and Tone]]

## Assets
Logos, illustrations and templates are in the brand drive. Ask {person} before creating new illustrations.`,
  },
  {
    title: 'Logo Usage',
    parent: 'Brand Guidelines',
    tags: ['brand'],
    body: `## Do
- Keep clear space equal to the height of the mark.
- Use the white logo on dark backgrounds.

## Do not
- Stretch, rotate or recolor the logo.
- Place the logo on busy photos.

Minimum size is **{n:24-32} px** high on screens.`,
  },
  {
    title: 'Voice and Tone',
    parent: 'Brand Guidelines',
    tags: ['brand', 'how-to'],
    body: `We sound **clear, warm and direct**.

## Principles
- Say what happened and what to do next.
- Use plain words; avoid jargon like "leverage".
- Be kind in errors; never blame the user.

## Examples
- Instead of "Invalid input", write "Enter a date like 2026-06-30".
- Instead of "Oops!", say what went wrong.

Reviewed by {person} and the Support team.`,
  },
];
