/**
 * A page the generator may seed. `parent` names another template's title (null = a top-level space).
 * Bodies use the wiki's markdown and three placeholders filled per seed: {person} (a teammate's
 * name), {n:a-b} (an integer in [a, b]) and {date:a-b} (a date a..b days from today, "Jun 22, 2026").
 * Blank lines separate blocks; older versions are built from a prefix of the blocks.
 */
export interface PageTemplate {
  title: string;
  parent: string | null;
  tags: readonly string[];
  body: string;
}
