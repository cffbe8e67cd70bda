// Seed data for the workspace. Everything lives in memory; a reload starts over.

export const ME = 'sam';

export const PEOPLE = {
  sam: { name: 'Sam Rivera', title: 'Product Manager', status: 'active' },
  ana: { name: 'Ana Souza', title: 'Lead Designer', status: 'active' },
  marcus: { name: 'Marcus Chen', title: 'Frontend Engineer', status: 'active' },
  priya: { name: 'Priya Nair', title: 'Backend Engineer', status: 'away' },
  tom: { name: 'Tom Becker', title: 'QA Engineer', status: 'active' },
  lena: { name: 'Lena Hoffmann', title: 'Illustrator', status: 'away' },
  diego: { name: 'Diego Alvarez', title: 'Account Manager', status: 'active' },
  yuki: { name: 'Yuki Tanaka', title: 'UX Researcher', status: 'offline' },
  olivia: { name: 'Olivia Grant', title: 'Office Manager', status: 'active' },
  kwame: { name: 'Kwame Mensah', title: 'DevOps', status: 'offline' },
};

const m = (id, author, time, text, reactions = {}, pinned = false) => ({ id, author, time, text, reactions, pinned });

export const CONVERSATIONS = [
  {
    id: 'general', kind: 'channel', name: 'general',
    topic: 'Company-wide announcements and work-based matters',
    members: ['sam', 'ana', 'marcus', 'priya', 'tom', 'lena', 'diego', 'yuki', 'olivia', 'kwame'],
    unread: 0, muted: false, starred: true,
    messages: [
      m('g1', 'olivia', '08:52', 'Good morning everyone! Reminder that the office kitchen is being cleaned at noon today.'),
      m('g2', 'diego', '09:05', 'Heads up: the Halvorsen Foods contract was signed last night 🎉', { '🎉': ['ana', 'marcus', 'olivia'] }, true),
      m('g3', 'marcus', '09:14', 'Deploy of v2.8.1 is done. Release notes are in the wiki.', { '👍': ['tom'] }),
      m('g4', 'priya', '09:21', 'The staging database will be down for maintenance from 14:00 to 14:30.'),
      m('g5', 'ana', '09:40', 'Design review moved to Thursday 11:00, same room.'),
      m('g6', 'tom', '10:02', 'Found a regression in the checkout flow on Safari, filing a ticket now.', { '👀': ['marcus'] }),
      m('g7', 'olivia', '10:15', 'Lunch order for Friday closes at 16:00 — pizza or sushi?'),
    ],
  },
  {
    id: 'design', kind: 'channel', name: 'design',
    topic: 'Mockups, reviews and the design system',
    members: ['sam', 'ana', 'lena', 'yuki', 'marcus'],
    unread: 3, muted: false, starred: false,
    messages: [
      m('d1', 'ana', '09:02', 'New onboarding mockups are up in the Figma file, page 3.'),
      m('d2', 'yuki', '09:18', 'Usability sessions found people miss the Skip button on step 2.', { '💡': ['ana'] }),
      m('d3', 'lena', '09:33', 'Finished the empty-state illustrations for Projects and Reports.', { '❤️': ['ana', 'yuki'] }),
      m('d4', 'marcus', '10:10', 'Can we use the 8px spacing scale for the new cards? The 6px one is hard to implement.'),
      m('d5', 'ana', '10:24', 'Yes, switch to 8px. I will update the tokens page this afternoon.'),
      m('d6', 'yuki', '10:41', 'Sharing the interview notes from Tuesday in the research folder.'),
    ],
  },
  {
    id: 'random', kind: 'channel', name: 'random',
    topic: 'Non-work banter and water cooler chat',
    members: ['sam', 'ana', 'marcus', 'tom', 'diego', 'olivia', 'kwame'],
    unread: 2, muted: false, starred: false,
    messages: [
      m('r1', 'kwame', '08:47', 'Anyone else hear the bells from the church across the street this morning?'),
      m('r2', 'tom', '09:11', 'My sourdough starter finally survived a full week 🍞', { '😂': ['diego'], '👍': ['olivia', 'kwame'] }),
      m('r3', 'diego', '09:26', 'Board game night at my place on Saturday, 19:00. Bring snacks!'),
      m('r4', 'olivia', '09:58', 'The plants on the 3rd floor need a volunteer waterer while I am away.'),
      m('r5', 'marcus', '10:30', 'I can do the plants, just leave me a note about the fern.'),
    ],
  },
  {
    id: 'ana', kind: 'dm', name: 'Ana Souza', person: 'ana',
    topic: 'Lead Designer',
    members: ['sam', 'ana'],
    unread: 1, muted: false, starred: false,
    messages: [
      m('a1', 'ana', '08:59', 'Hi Sam, do you have 10 minutes before the review?'),
      m('a2', 'sam', '09:03', 'Sure, after standup works.'),
      m('a3', 'ana', '09:04', 'Great. I want to walk you through the pricing page variants.'),
      m('a4', 'sam', '09:45', 'Variant B looks cleaner to me.'),
      m('a5', 'ana', '10:12', 'Agreed. I sent you the updated copy deck, can you check the plan names?'),
    ],
  },
  {
    id: 'marcus', kind: 'dm', name: 'Marcus Chen', person: 'marcus',
    topic: 'Frontend Engineer',
    members: ['sam', 'marcus'],
    unread: 0, muted: false, starred: false,
    messages: [
      m('mc1', 'marcus', '08:40', 'Morning! The feature flag for the new dashboard is ready.'),
      m('mc2', 'sam', '08:44', 'Nice, let us turn it on for the internal team first.'),
      m('mc3', 'marcus', '08:46', 'Done. I will keep an eye on the error logs.'),
    ],
  },
];

export const REACTION_CHOICES = [
  { glyph: '👍', label: 'thumbs up' },
  { glyph: '❤️', label: 'heart' },
  { glyph: '😂', label: 'joy' },
  { glyph: '🎉', label: 'tada' },
  { glyph: '👀', label: 'eyes' },
  { glyph: '💡', label: 'bulb' },
];
