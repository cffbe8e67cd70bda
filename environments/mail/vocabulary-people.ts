/** People, companies and automated senders the generator draws from. First names are unique. */
export const PERSON_NAMES: ReadonlyArray<readonly [first: string, last: string]> = [
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
  ['Isabel', 'Ortega'],
  ['Theo', 'Lambert'],
  ['Mila', 'Kowalski'],
  ['Arjun', 'Mehta'],
  ['Elena', 'Petrova'],
  ['Noah', 'Fischer'],
  ['Yara', 'Haddad'],
  ['Caleb', 'Turner'],
  ['Freya', 'Olsen'],
];

/** The signed-in user is drawn from these, never from PERSON_NAMES. */
export const USER_NAMES: ReadonlyArray<readonly [first: string, last: string]> = [
  ['Jordan', 'Avery'],
  ['Riley', 'Morgan'],
  ['Alex', 'Harper'],
  ['Casey', 'Bennett'],
  ['Sam', 'Whitaker'],
  ['Taylor', 'Quinn'],
  ['Robin', 'Ellis'],
  ['Jamie', 'Calloway'],
];

export const USER_ROLES: readonly string[] = [
  'Product Designer',
  'Engineering Manager',
  'Marketing Lead',
  'Operations Manager',
  'Account Director',
  'Research Lead',
  'Product Manager',
];

export const USER_EMAIL_DOMAIN = 'larkmail.io';

export const COMPANIES: ReadonlyArray<readonly [name: string, domain: string]> = [
  ['Brightwater Studio', 'brightwater.studio'],
  ['Kestrel Analytics', 'kestrel-analytics.com'],
  ['Oakline Partners', 'oaklinepartners.com'],
  ['Bluepeak Labs', 'bluepeaklabs.io'],
  ['Tidewater Media', 'tidewatermedia.co'],
  ['Fernbank & Co', 'fernbank.co'],
  ['Northwind Health', 'northwindhealth.org'],
];

/** Personal mailbox domains for friends and family. */
export const PERSONAL_DOMAINS: readonly string[] = ['larkmail.io', 'postmark.net', 'fastinbox.com', 'homemail.org'];

export interface Sender {
  name: string;
  email: string;
}

/** Automated senders, keyed by the template that uses them. */
export const SERVICES = {
  bank: { name: 'Evergreen Bank', email: 'alerts@evergreenbank.com' },
  payments: { name: 'Ledgerly', email: 'receipts@ledgerly.com' },
  shop: { name: 'Parcelly', email: 'orders@parcelly.shop' },
  outdoor: { name: 'Summit Outfitters', email: 'hello@summitoutfitters.com' },
  airline: { name: 'Skyline Air', email: 'bookings@skylineair.com' },
  hotel: { name: 'Staywell Hotels', email: 'reservations@staywell.com' },
  cars: { name: 'Roadway Rentals', email: 'confirm@roadwayrentals.com' },
  byte: { name: 'The Weekly Byte', email: 'digest@weeklybyte.news' },
  design: { name: 'Design Notes', email: 'editor@designnotes.co' },
  trails: { name: 'Trail Notes', email: 'newsletter@trailnotes.org' },
  events: { name: 'Eventful', email: 'tickets@eventful.io' },
  security: { name: 'Larkmail Security', email: 'no-reply@larkmail.io' },
  streaming: { name: 'Reelhouse', email: 'billing@reelhouse.tv' },
  cloud: { name: 'Cirrus Drive', email: 'team@cirrusdrive.com' },
} as const satisfies Record<string, Sender>;

export type ServiceKey = keyof typeof SERVICES;

/** Values that fill the {placeholders} of subjects and bodies. */
export const FILLERS = {
  project: [
    'Atlas',
    'Harbor',
    'Northstar',
    'Beacon',
    'Meridian',
    'Cascade',
    'Juniper',
    'Orbit',
    'Summit',
    'Willow',
    'Lighthouse',
    'Keystone',
  ],
  city: [
    'Lisbon',
    'Denver',
    'Montreal',
    'Kyoto',
    'Edinburgh',
    'Austin',
    'Copenhagen',
    'Cape Town',
    'Vancouver',
    'Seoul',
    'Porto',
    'Melbourne',
  ],
  hotel: ['The Harbor Inn', 'Hotel Marlowe', 'Casa Azul', 'The Linden', 'Northgate Suites', 'The Foundry Hotel'],
  day: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  time: ['10:00 AM', '11:30 AM', '1:00 PM', '2:00 PM', '3:30 PM', '4:15 PM'],
  topic: [
    'why small teams ship faster',
    'the quiet return of RSS',
    'five habits of calm engineers',
    'what we learned from 100 launches',
    'designing for slow networks',
    'the case for boring technology',
    'color systems that scale',
    'writing docs people read',
  ],
  event: [
    'Product Camp 2026',
    'the Design Systems Meetup',
    'the Founders Breakfast',
    'CityJS Summit',
    'the Summer Charity Run',
    'the Data Day Workshop',
  ],
  item: [
    'trail running shoes',
    'a standing desk lamp',
    'noise-cancelling headphones',
    'a cast iron skillet',
    'a rain shell jacket',
    'a mechanical keyboard',
  ],
  device: ['Chrome on Windows', 'Safari on iPhone', 'Firefox on Linux', 'the Larkmail app on Android'],
  book: [
    'The Overstory',
    'Piranesi',
    'Klara and the Sun',
    'The Midnight Library',
    'Project Hail Mary',
    'Tomorrow, and Tomorrow, and Tomorrow',
  ],
  role: ['senior designer', 'data engineer', 'support lead', 'content strategist'],
  month: ['April', 'May'],
} as const;

export type FillerKey = keyof typeof FILLERS;

export const VACATION_MESSAGE =
  'Thanks for your note! I am out of the office with limited access to email and will reply as soon as I am back.';
