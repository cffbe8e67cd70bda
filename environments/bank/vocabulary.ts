import type { Category, PayeeCategory } from './model.js';

export const CUSTOMER_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Jordan', 'Ellis'],
  ['Priya', 'Raman'],
  ['Marcus', 'Bennett'],
  ['Elena', 'Vasquez'],
  ['Samuel', 'Okafor'],
  ['Hannah', 'Lindqvist'],
  ['Daniel', 'Park'],
  ['Camille', 'Dubois'],
  ['Theo', 'Hartmann'],
  ['Aisha', 'Mensah'],
  ['Lucas', 'Moreau'],
  ['Grace', 'Whitfield'],
];

export const ACCOUNT_NAMES = {
  checking: ['Everyday Checking', 'Premier Checking', 'Essential Checking', 'Advantage Checking'],
  savings: ['High-Yield Savings', 'Rainy Day Savings', 'Goal Saver', 'Reserve Savings'],
  credit: ['Cash Rewards Visa', 'Travel Rewards Visa', 'Platinum Mastercard', 'Everyday Rewards Mastercard'],
} as const;

export const EMPLOYERS = [
  'Northwind Labs',
  'Bluefin Logistics',
  'Cedar & Pine Architects',
  'Helix Biotech',
  'Lumen Health Partners',
  'Orbital Software',
];

/** Eight payee roles; each seed names every role from its pool and pays it on its own rhythm. */
export interface PayeeTemplate {
  role: string;
  category: PayeeCategory;
  names: readonly (readonly [string, string])[];
  /** Transaction category of its payments. */
  spend: Category;
  /** Typical amount range; a fixed bill uses a single value per seed. */
  range: readonly [number, number];
  fixed: boolean;
  every: 'month' | 'two-weeks';
}

export const PAYEE_TEMPLATES: readonly PayeeTemplate[] = [
  {
    role: 'rent',
    category: 'housing',
    names: [
      ['Harbor Point Apartments', 'rent@harborpoint-apts.com'],
      ['Maple Court Residences', 'leasing@maplecourt.com'],
      ['Riverside Lofts', 'office@riversidelofts.com'],
    ],
    spend: 'housing',
    range: [1650, 2650],
    fixed: true,
    every: 'month',
  },
  {
    role: 'electric',
    category: 'utilities',
    names: [
      ['Bayside Power & Light', 'billing@baysidepower.com'],
      ['Cascade Electric Co-op', 'accounts@cascade-electric.org'],
      ['Summit Energy', 'pay@summitenergy.com'],
    ],
    spend: 'bills',
    range: [58, 164],
    fixed: false,
    every: 'month',
  },
  {
    role: 'internet',
    category: 'telecom',
    names: [
      ['Lumen Fiber Internet', 'billing@lumenfiber.net'],
      ['Crestline Broadband', 'support@crestline.net'],
      ['Metro Cable & Internet', 'pay@metrocable.com'],
    ],
    spend: 'bills',
    range: [59.99, 89.99],
    fixed: true,
    every: 'month',
  },
  {
    role: 'mobile',
    category: 'telecom',
    names: [
      ['Northstar Wireless', 'bills@northstarwireless.com'],
      ['Pulse Mobile', 'billing@pulsemobile.com'],
      ['Beacon Cellular', 'accounts@beaconcell.com'],
    ],
    spend: 'bills',
    range: [72, 138],
    fixed: false,
    every: 'month',
  },
  {
    role: 'insurance',
    category: 'insurance',
    names: [
      ['Summit Mutual Insurance', 'premiums@summitmutual.com'],
      ['Keystone Auto Insurance', 'billing@keystoneauto.com'],
      ['Evergreen Home & Auto', 'pay@evergreenins.com'],
    ],
    spend: 'bills',
    range: [96, 212],
    fixed: true,
    every: 'month',
  },
  {
    role: 'loan',
    category: 'loan',
    names: [
      ['Evergreen Auto Finance', 'payments@evergreenauto.com'],
      ['Pacific Student Loans', 'servicing@pacificstudent.com'],
      ['Granite Credit Union', 'loans@granitecu.org'],
    ],
    spend: 'bills',
    range: [240, 420],
    fixed: true,
    every: 'month',
  },
  {
    role: 'gym',
    category: 'fitness',
    names: [
      ['Ironwood Fitness', 'members@ironwoodfit.com'],
      ['Tidal Yoga Studio', 'hello@tidalyoga.com'],
      ['Peak Climbing Gym', 'front@peakclimb.com'],
    ],
    spend: 'health',
    range: [39, 89],
    fixed: true,
    every: 'month',
  },
  {
    role: 'person',
    category: 'person',
    names: [
      ['Maya Chen', 'maya.chen@example.com'],
      ['Rosa Alvarez', 'rosa.alvarez@example.com'],
      ['Oliver Grant', 'oliver.grant@example.com'],
    ],
    spend: 'bills',
    range: [90, 160],
    fixed: true,
    every: 'two-weeks',
  },
];

/** Card and debit-card merchants by spending category, with the typical amount range. */
export const MERCHANTS: Partial<Record<Category, { names: readonly string[]; range: readonly [number, number]; numbered: boolean }>> = {
  groceries: {
    names: ['Whole Foods Market', "Trader Joe's", 'Safeway', 'Green Basket Market', 'Costco Wholesale', 'Sprouts Farmers Market'],
    range: [18, 190],
    numbered: true,
  },
  dining: {
    names: [
      'Blue Bottle Coffee',
      'Sweetgreen',
      'Tartine Bakery',
      'Chipotle Mexican Grill',
      'Nopa Kitchen',
      'Pho Saigon',
      'Luigi’s Trattoria',
      'Shake Shack',
    ],
    range: [8, 86],
    numbered: false,
  },
  transport: {
    names: ['Shell Oil', 'Chevron', 'Uber Trip', 'Lyft Ride', 'City Parking Garage', 'Metro Transit Card'],
    range: [9, 72],
    numbered: true,
  },
  shopping: {
    names: ['Amazon Marketplace', 'Target', 'REI Co-op', 'Best Buy', 'IKEA', 'Uniqlo', 'Home Depot'],
    range: [14, 245],
    numbered: false,
  },
  entertainment: {
    names: ['AMC Theatres', 'Ticketmaster', 'Steam Games', 'City Bowl Lanes', 'Blue Note Jazz Club'],
    range: [12, 96],
    numbered: false,
  },
  health: { names: ['CVS Pharmacy', 'Walgreens', 'Bright Smile Dental', 'Pacific Eye Care'], range: [8, 64], numbered: true },
  travel: { names: ['Alaska Airlines', 'Marriott Hotels', 'Airbnb', 'Hertz Car Rental', 'Amtrak'], range: [120, 640], numbered: false },
};

export const SUBSCRIPTIONS: ReadonlyArray<readonly [string, number]> = [
  ['Netflix', 15.49],
  ['Spotify Premium', 11.99],
  ['iCloud Storage', 2.99],
  ['New York Times Digital', 17],
  ['Disney+', 13.99],
  ['Audible', 14.95],
];

export const ATM_LOCATIONS = ['Market St', 'Union Square', 'Pine & 3rd', 'Harbor Blvd', 'Oak Plaza'];

export const TRANSACTION_NOTES = [
  'Split with roommate — they owe half.',
  'Business expense, submit for reimbursement.',
  'Birthday dinner for Sam.',
  'Annual renewal, cancel before next year.',
  'Returned one item, refund pending.',
  'Groceries for the weekend trip.',
  'Reimbursed by work on the next paycheck.',
  'Gift for Mom.',
];
