/** Event titles, locations and descriptions the generator draws from, grouped by calendar. */
export type CalendarKind = 'Work' | 'Team' | 'Personal' | 'Travel' | 'Fitness';

export const CALENDAR_TEMPLATES: ReadonlyArray<{ name: CalendarKind; color: string; description: string }> = [
  { name: 'Work', color: '#2563eb', description: 'Meetings, reviews and customer calls.' },
  { name: 'Team', color: '#7c3aed', description: 'Shared team rituals, socials and offsites.' },
  { name: 'Personal', color: '#059669', description: 'Appointments and plans outside work.' },
  { name: 'Travel', color: '#ea580c', description: 'Flights, trains and hotel stays.' },
  { name: 'Fitness', color: '#db2777', description: 'Classes, runs and training sessions.' },
];

export const EVENT_TITLES: Record<CalendarKind, readonly string[]> = {
  Work: [
    'Quarterly planning review',
    'Design critique: onboarding flow',
    'Customer call with Globex',
    'Budget review with finance',
    'Interview: Senior Backend Engineer',
    'Roadmap workshop',
    'Sprint retrospective',
    'Security awareness training',
    'Vendor demo: Acme Analytics',
    'Board meeting prep',
    'Launch rehearsal',
    'Marketing sync',
    'Hiring committee',
    'Press briefing',
    'Architecture review',
    'Partner call with Initech',
    'Release go/no-go',
    'Pricing strategy session',
    'UX research readout',
    'Quarterly business review',
    'Interview: Product Designer',
    'Incident postmortem',
    'Data platform deep dive',
    'Contract review with legal',
    'Customer advisory board',
    'OKR check-in',
    'Support escalation review',
    'Sales pipeline review',
  ],
  Team: [
    'Team lunch',
    'Offsite planning',
    'Hackathon kickoff',
    'Demo day',
    'Summer party planning',
    'Welcome lunch for new hires',
    'Team building: escape room',
    'Book club: The Mom Test',
    'Lightning talks',
    'Farewell drinks for Omar',
    'Volunteering day briefing',
    'Coffee chat roulette',
  ],
  Personal: [
    'Dentist appointment',
    'Dinner with Sam',
    'Car service',
    'Haircut',
    'Parent-teacher meeting',
    'Piano lesson',
    'Birthday dinner for Mia',
    'Farmers market',
    'Call with mom',
    'Pick up passport',
    'Doctor check-up',
    'Apartment viewing',
    'Concert: City Symphony',
    'Vet appointment for Biscuit',
  ],
  Travel: [
    'Flight to Berlin (LH 401)',
    'Train to Amsterdam',
    'Hotel check-in: Lisbon',
    'Flight home (BA 982)',
    'Airport transfer',
    'Rental car pickup',
    'Flight to New York (UA 61)',
    'Ferry to Helsinki',
  ],
  Fitness: ['Yoga class', 'Spin class', 'Strength training', 'Swim session', 'Climbing with Leo', 'Pilates', 'Tennis lesson', 'Park run'],
};

export const LOCATIONS: Record<CalendarKind, readonly string[]> = {
  Work: [
    'Room Atlas (4th floor)',
    'Room Borealis',
    'Boardroom',
    'Zoom',
    'Google Meet',
    'HQ, 2nd floor lounge',
    'Microsoft Teams',
    'Room Cascade',
  ],
  Team: ['Kitchen area', 'The Green Fork', 'Rooftop terrace', 'Auditorium', 'Café Central', 'Main hall'],
  Personal: ['Smile Dental, 12 Oak St', 'Trattoria Roma', 'City Garage', 'Home', 'Riverside School', 'Concert Hall', 'Market Square'],
  Travel: ['Terminal 2', 'Central Station', 'Hotel Avenida', 'Airport', 'Harbour Pier 3'],
  Fitness: ['Pulse Gym', 'City Pool', 'Boulder Barn', 'Riverside Park', 'Studio Flow'],
};

export const RECURRING_TEMPLATES: ReadonlyArray<{
  title: string;
  calendar: CalendarKind;
  repeats: 'daily' | 'weekly' | 'monthly';
  start: string;
  end: string;
  location: string;
}> = [
  { title: 'Weekly team sync', calendar: 'Team', repeats: 'weekly', start: '10:00', end: '10:45', location: 'Room Atlas (4th floor)' },
  { title: 'Product leadership 1:1', calendar: 'Work', repeats: 'weekly', start: '14:00', end: '14:30', location: 'Google Meet' },
  { title: 'Monthly all-hands', calendar: 'Team', repeats: 'monthly', start: '16:00', end: '17:00', location: 'Auditorium' },
  { title: 'Morning run', calendar: 'Fitness', repeats: 'daily', start: '07:00', end: '07:45', location: 'Riverside Park' },
  { title: 'Design office hours', calendar: 'Work', repeats: 'weekly', start: '15:00', end: '16:00', location: 'Room Borealis' },
  { title: 'Monthly budget check', calendar: 'Personal', repeats: 'monthly', start: '19:00', end: '19:30', location: 'Home' },
];

export const INVITATION_TITLES: readonly string[] = [
  'Q3 kickoff with leadership',
  'Customer workshop: Globex onboarding',
  'Brand refresh review',
  'Engineering all-hands',
  'Lunch & learn: accessibility basics',
  'Partner summit prep',
  'Analytics dashboard walkthrough',
  'Mentoring session',
  'Investor update rehearsal',
  'Support team retro',
  'Localization planning',
  'Website relaunch standup',
];

export const DESCRIPTIONS: readonly string[] = [
  'Agenda and notes are in the shared doc.',
  'Please bring your updates and any open questions.',
  'We will walk through the latest numbers and agree on next steps.',
  'Dial-in details are in the invite; cameras on if possible.',
  'Short session, no preparation needed.',
  'Review the deck beforehand so we can focus on decisions.',
  'Lunch is provided, let me know about dietary needs.',
  'Bring a laptop for the hands-on part.',
  'Reminder: confirmation number is in the booking email.',
  'Arrive ten minutes early to check in.',
  'Recording will be shared afterwards.',
  'Goal: leave with a prioritized list of follow-ups.',
];

/** Places that belong to one title; other titles draw from their calendar's pool. */
export const TITLE_LOCATIONS: Readonly<Record<string, string>> = {
  'Dentist appointment': 'Smile Dental, 12 Oak St',
  'Dinner with Sam': 'Trattoria Roma',
  'Car service': 'City Garage',
  Haircut: 'Barber & Co., Main St',
  'Parent-teacher meeting': 'Riverside School',
  'Piano lesson': 'Music School, Elm Ave',
  'Birthday dinner for Mia': 'Trattoria Roma',
  'Farmers market': 'Market Square',
  'Call with mom': 'Home',
  'Pick up passport': 'Citizens Office',
  'Doctor check-up': 'Health Center, 4 Park Rd',
  'Apartment viewing': '27 Harbor Lane',
  'Concert: City Symphony': 'Concert Hall',
  'Vet appointment for Biscuit': 'Paws Vet Clinic',
  'Flight to Berlin (LH 401)': 'Terminal 2',
  'Train to Amsterdam': 'Central Station',
  'Hotel check-in: Lisbon': 'Hotel Avenida',
  'Flight home (BA 982)': 'Terminal 5',
  'Airport transfer': 'Hotel lobby',
  'Rental car pickup': 'Airport, Arrivals level',
  'Flight to New York (UA 61)': 'Terminal 1',
  'Ferry to Helsinki': 'Harbour Pier 3',
  'Yoga class': 'Studio Flow',
  'Spin class': 'Pulse Gym',
  'Strength training': 'Pulse Gym',
  'Swim session': 'City Pool',
  'Climbing with Leo': 'Boulder Barn',
  Pilates: 'Studio Flow',
  'Tennis lesson': 'Riverside Tennis Club',
  'Park run': 'Riverside Park',
  'Team lunch': 'The Green Fork',
  'Farewell drinks for Omar': 'Rooftop terrace',
  'Welcome lunch for new hires': 'Café Central',
};
