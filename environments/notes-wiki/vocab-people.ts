/** Name and role pools the generator draws the team from. First names are unique. */
export const PERSON_NAMES: ReadonlyArray<readonly [first: string, last: string]> = [
  ['Maya', 'Lindgren'],
  ['Theo', 'Okonkwo'],
  ['Anika', 'Rao'],
  ['Bastien', 'Leclerc'],
  ['Carmen', 'Ruiz'],
  ['Jonas', 'Weber'],
  ['Yuki', 'Tanaka'],
  ['Farah', 'Siddiqui'],
  ['Owen', 'Gallagher'],
  ['Lena', 'Kowalski'],
  ['Mateo', 'Ferreira'],
  ['Ruth', 'Abernathy'],
  ['Kwame', 'Mensah'],
  ['Ines', 'Duarte'],
  ['Viktor', 'Petrov'],
  ['Sana', 'Hosseini'],
  ['Elliot', 'Park'],
  ['Freya', 'Nilsen'],
  ['Dario', 'Conti'],
  ['Hannah', 'Whitfield'],
];

export const ROLES: readonly string[] = [
  'Engineering Manager',
  'Staff Engineer',
  'Backend Engineer',
  'Frontend Engineer',
  'Site Reliability Engineer',
  'Product Manager',
  'Product Designer',
  'People Partner',
  'Recruiter',
  'Security Engineer',
  'Technical Writer',
  'Head of Operations',
];

export const EMAIL_DOMAIN = 'northwind.dev';
export const WORKSPACE_NAME = 'Northwind Labs';
export const PRODUCT_NAME = 'Folio';

/** Version summaries for edits that added no new section. */
export const EDIT_SUMMARIES: readonly string[] = [
  'Fixed typos',
  'Clarified wording',
  'Updated links',
  'Refreshed owners and contacts',
  'Tightened the intro',
  'Corrected a step',
  'Updated numbers for this quarter',
  'Formatting cleanup',
  'Added examples',
  'Addressed review comments',
];
