/** Name pools the generator draws the team, organizers and attendees from. First names are unique. */
export const PERSON_NAMES: ReadonlyArray<readonly [first: string, last: string]> = [
  ['Alex', 'Rivera'],
  ['Maya', 'Chen'],
  ['Daniel', 'Okafor'],
  ['Priya', 'Raman'],
  ['Lucas', 'Moreau'],
  ['Sofia', 'Alvarez'],
  ['Tomasz', 'Nowak'],
  ['Aisha', 'Bello'],
  ['Ethan', 'Brooks'],
  ['Hana', 'Sato'],
  ['Marcus', 'Lindqvist'],
  ['Grace', 'Kim'],
  ['Rafael', 'Costa'],
  ['Nora', 'Fitzgerald'],
  ['Omar', 'Haddad'],
  ['Julia', 'Novak'],
  ['Kenji', 'Watanabe'],
  ['Amara', 'Nwosu'],
  ['Leo', 'Bianchi'],
  ['Chloe', 'Martin'],
  ['Samuel', 'Adeyemi'],
  ['Ingrid', 'Halvorsen'],
  ['Zoe', 'Patel'],
  ['Felix', 'Wagner'],
];

export const JOB_TITLES: readonly string[] = [
  'Product Manager',
  'Engineering Manager',
  'Product Designer',
  'Frontend Engineer',
  'Backend Engineer',
  'Marketing Lead',
  'Head of Sales',
  'Data Analyst',
  'Customer Success Lead',
  'Recruiter',
  'Finance Partner',
  'Operations Manager',
];

export const EMAIL_DOMAIN = 'northwind.io';
export const COMPANY_NAME = 'Northwind';

/** Addresses of people outside the company, for customer calls and personal events. */
export const EXTERNAL_EMAILS: readonly string[] = [
  'jordan.lee@globex.com',
  'e.schmidt@initech.de',
  'sam.taylor@gmail.com',
  'claire.dubois@acme-analytics.fr',
  'ravi.menon@umbrella.in',
  'mia.rivera@outlook.com',
  'tom.becker@hooli.com',
  'lena.fischer@wayne-partners.com',
];

export const CALENDAR_COLORS: ReadonlyArray<{ value: string; label: string }> = [
  { value: '#2563eb', label: 'Blue' },
  { value: '#7c3aed', label: 'Violet' },
  { value: '#059669', label: 'Green' },
  { value: '#ea580c', label: 'Orange' },
  { value: '#db2777', label: 'Pink' },
  { value: '#0891b2', label: 'Teal' },
  { value: '#ca8a04', label: 'Amber' },
  { value: '#dc2626', label: 'Red' },
  { value: '#475569', label: 'Slate' },
];

export function colorLabel(value: string): string {
  return CALENDAR_COLORS.find((color) => color.value === value)?.label ?? value;
}
