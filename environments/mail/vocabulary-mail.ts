import type { LabelColor } from './model.js';
import type { ServiceKey } from './vocabulary-people.js';

/**
 * Message templates. `{placeholders}` are filled by the generator: {first} is the user's first name,
 * {sender} the sender's first name, {company} the sender's company; the rest come from FILLERS or
 * are generated ({amount}, {order}, {invoice}, {code}, {card}, {future}, {issue}).
 */
export type Category = 'work' | 'clients' | 'finance' | 'receipts' | 'travel' | 'family' | 'newsletters' | 'events' | 'notifications';

export interface ReceivedTemplate {
  category: Category;
  from: 'colleague' | 'client' | 'friend' | ServiceKey;
  subject: string;
  body: readonly string[];
}

export const RECEIVED_TEMPLATES: readonly ReceivedTemplate[] = [
  {
    category: 'work',
    from: 'colleague',
    subject: '{project} kickoff agenda',
    body: [
      'Hi {first},',
      'Here is the draft agenda for the {project} kickoff on {day}. Could you add anything missing from your side before then?',
      'Thanks,\n{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Quick question about the {project} timeline',
    body: [
      'Hey {first},',
      'Are we still aiming to wrap the first milestone of {project} by the end of the month? Legal asked for a date and I did not want to guess.',
      'Cheers,\n{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Can we move our 1:1 to {day}?',
    body: [
      'Hi {first},',
      'Something came up on my calendar. Would {day} at {time} work instead? Same room, or we can do a walking meeting.',
      '{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Feedback on the {project} proposal',
    body: [
      'Hi {first},',
      'I read through the proposal last night. The problem statement is sharp; the rollout plan needs a clearer owner per phase. Happy to talk it through.',
      'Best,\n{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: '{project} design review at {time}',
    body: [
      'Hi all,',
      'A reminder that the {project} design review is today at {time} in the Maple room. Please skim the prototype link before joining.',
      'Thanks,\n{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Updated budget for {project}',
    body: [
      'Hi {first},',
      'Finance approved the revised budget for {project}: {amount} for the quarter, including the contractor hours we discussed.',
      'Let me know if you need the spreadsheet.',
      '{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Interview loop for the {role} role',
    body: [
      'Hi {first},',
      'We have three candidates for the {role} role next week. Could you take the portfolio session on {day}?',
      'Thank you!\n{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Reminder: timesheets due {day}',
    body: [
      'Hi team,',
      'Friendly reminder that timesheets for this period are due by {day} at 5 PM. Late entries delay invoicing.',
      '{sender}',
    ],
  },
  {
    category: 'work',
    from: 'colleague',
    subject: 'Offsite logistics for {city}',
    body: [
      'Hi everyone,',
      'The team offsite will be in {city}. Flights are booked through the travel desk; please send dietary needs by {day}.',
      'Looking forward to it,\n{sender}',
    ],
  },
  {
    category: 'clients',
    from: 'client',
    subject: 'Contract renewal with {company}',
    body: [
      'Hello {first},',
      'Our agreement comes up for renewal next month. We would like to extend for another year and add the analytics package. Can we set up a call?',
      'Kind regards,\n{sender}',
    ],
  },
  {
    category: 'clients',
    from: 'client',
    subject: 'Invoice {invoice} from {company}',
    body: ['Hi {first},', 'Please find invoice {invoice} for {amount} attached. Payment terms are net 30 as usual.', 'Thanks,\n{sender}'],
  },
  {
    category: 'clients',
    from: 'client',
    subject: 'Launch date for the {project} campaign',
    body: [
      'Hi {first},',
      'Our marketing team would like to launch the {project} campaign on {future}. Does that work with your production schedule?',
      'Best,\n{sender}',
    ],
  },
  {
    category: 'clients',
    from: 'client',
    subject: 'Follow-up from our call with {company}',
    body: [
      'Hi {first},',
      'Thanks for the time today. As promised, here are the three open questions from our side, plus the revised scope for phase two.',
      'Speak soon,\n{sender}',
    ],
  },
  {
    category: 'finance',
    from: 'bank',
    subject: 'Your {month} statement is ready',
    body: [
      'Hello {first},',
      'Your account statement for {month} is now available in online banking. Your closing balance was {amount}.',
      'Evergreen Bank',
    ],
  },
  {
    category: 'finance',
    from: 'bank',
    subject: 'Card ending {card} was used for {amount}',
    body: [
      'A purchase of {amount} was made with your card ending {card}. If you do not recognize this charge, contact us right away.',
      'Evergreen Bank Fraud Team',
    ],
  },
  {
    category: 'finance',
    from: 'payments',
    subject: 'Payment received: {amount}',
    body: [
      'Hi {first},',
      'You received a payment of {amount}. The funds will be available in your Ledgerly balance within one business day.',
      'The Ledgerly team',
    ],
  },
  {
    category: 'finance',
    from: 'streaming',
    subject: 'Your Reelhouse membership renews on {future}',
    body: [
      'Hi {first},',
      'Your annual membership renews on {future} for {amount}. No action is needed if you would like to keep watching.',
      'Reelhouse Billing',
    ],
  },
  {
    category: 'receipts',
    from: 'shop',
    subject: 'Your order {order} has shipped',
    body: ['Good news, {first}!', 'Your order {order} ({item}) is on its way and should arrive by {future}.', 'Parcelly'],
  },
  {
    category: 'receipts',
    from: 'shop',
    subject: 'Order {order} confirmed',
    body: ['Thanks for shopping with Parcelly.', 'We received your order {order} for {item}. Total charged: {amount}.', 'Parcelly'],
  },
  {
    category: 'receipts',
    from: 'outdoor',
    subject: 'Receipt for your Summit Outfitters purchase',
    body: [
      'Hi {first},',
      'Thanks for your purchase of {item}. Your total was {amount}. Keep this email as your receipt.',
      'Summit Outfitters',
    ],
  },
  {
    category: 'receipts',
    from: 'cloud',
    subject: 'Cirrus Drive receipt {invoice}',
    body: [
      'Hi {first},',
      'Thanks for your payment of {amount} for Cirrus Drive Plus (2 TB). Receipt number {invoice}.',
      'The Cirrus Drive team',
    ],
  },
  {
    category: 'travel',
    from: 'airline',
    subject: 'Flight confirmation: {city} on {future}',
    body: [
      'Hello {first},',
      'Your flight to {city} on {future} is confirmed. Booking reference {code}. Online check-in opens 24 hours before departure.',
      'Skyline Air',
    ],
  },
  {
    category: 'travel',
    from: 'airline',
    subject: 'Check in now for your flight to {city}',
    body: [
      'Hi {first},',
      'Check-in is open for your flight to {city}, booking {code}. Choose your seat and download your boarding pass in the app.',
      'Skyline Air',
    ],
  },
  {
    category: 'travel',
    from: 'hotel',
    subject: 'Your stay at {hotel} is confirmed',
    body: [
      'Dear {first},',
      'We look forward to welcoming you to {hotel} in {city} on {future}. Confirmation number {code}.',
      'Staywell Hotels',
    ],
  },
  {
    category: 'travel',
    from: 'cars',
    subject: 'Car rental reservation {code}',
    body: [
      'Hi {first},',
      'Your compact car in {city} is reserved for pick-up on {future}. Reservation {code}, estimated total {amount}.',
      'Roadway Rentals',
    ],
  },
  {
    category: 'family',
    from: 'friend',
    subject: 'Dinner on {day}?',
    body: [
      'Hey {first}!',
      'We are doing a small dinner at ours on {day} around seven. Bring nothing but yourself. Let me know if you can make it.',
      '{sender}',
    ],
  },
  {
    category: 'family',
    from: 'friend',
    subject: 'Photos from the weekend in {city}',
    body: [
      'Hi {first},',
      'Finally sorted the photos from {city}. The one at the market is my favorite. Shared album link below.',
      'Love,\n{sender}',
    ],
  },
  {
    category: 'family',
    from: 'friend',
    subject: 'Book club pick: {book}',
    body: ['Hi all,', 'The vote is in and next month we are reading {book}. We meet at the usual cafe on the last {day}.', '{sender}'],
  },
  {
    category: 'family',
    from: 'friend',
    subject: 'Hike on {day}?',
    body: ['Hey {first},', 'Weather looks great for {day}. Want to do the ridge loop? I can pick you up at 8.', '{sender}'],
  },
  {
    category: 'family',
    from: 'friend',
    subject: 'Help moving on {day}',
    body: ['Hi {first},', 'Any chance you could help me move a few boxes on {day}? Pizza and eternal gratitude are on me.', '{sender}'],
  },
  {
    category: 'newsletters',
    from: 'byte',
    subject: 'The Weekly Byte: {topic}',
    body: ['This week: {topic}, plus a roundup of tools readers loved and a short interview with a maintainer.', 'Read time: 6 minutes.'],
  },
  {
    category: 'newsletters',
    from: 'design',
    subject: 'Design Notes: {topic}',
    body: ['In this issue we look at {topic}, with examples from three product teams.', 'Reply to this email to suggest a topic.'],
  },
  {
    category: 'newsletters',
    from: 'trails',
    subject: 'Trail Notes #{issue}: best summer routes near {city}',
    body: [
      'Our readers picked their favorite summer routes around {city}, from easy river walks to full-day ridge climbs.',
      'Happy trails!',
    ],
  },
  {
    category: 'events',
    from: 'events',
    subject: 'Your ticket for {event}',
    body: ['Hi {first},', 'You are registered for {event} on {future}. Show the QR code in the app at the door.', 'Eventful'],
  },
  {
    category: 'events',
    from: 'colleague',
    subject: 'Invitation: {event} on {future}',
    body: ['Hi {first},', 'A few of us are going to {event} on {future}. Want me to grab you a ticket too?', '{sender}'],
  },
  {
    category: 'notifications',
    from: 'security',
    subject: 'New sign-in from {device}',
    body: [
      'We noticed a new sign-in to your Larkmail account from {device}.',
      'If this was you, there is nothing to do. If not, change your password from Settings.',
    ],
  },
  {
    category: 'notifications',
    from: 'cloud',
    subject: 'Your Cirrus Drive is 85% full',
    body: ['Hi {first},', 'You are using 85% of your storage. Free up space or upgrade to keep syncing files.', 'Cirrus Drive'],
  },
];

/** Messages the user wrote (the Sent folder); some get a reply in the Inbox. */
export interface SentTemplate {
  to: 'colleague' | 'client' | 'friend';
  subject: string;
  body: readonly string[];
  reply: readonly string[];
}

export const SENT_TEMPLATES: readonly SentTemplate[] = [
  {
    to: 'colleague',
    subject: 'Draft slides for the {project} review',
    body: ['Hi {recipient},', 'Attached are the draft slides for the {project} review. Slide 7 still needs the latest numbers.'],
    reply: ['Thanks {first}, these look great. I will drop the numbers into slide 7 tonight.', '{sender}'],
  },
  {
    to: 'colleague',
    subject: 'Following up on {project}',
    body: ['Hi {recipient},', 'Just following up on the open items for {project}. Do you have an update on the vendor quote?'],
    reply: ['Hi {first}, the quote came in this morning: {amount}. Forwarding it shortly.', '{sender}'],
  },
  {
    to: 'client',
    subject: 'Proposal for phase two',
    body: [
      'Hello {recipient},',
      'As discussed, here is our proposal for phase two, including timeline and budget. Happy to walk through it on a call.',
    ],
    reply: ['Hi {first}, thanks for sending this over. We will review internally and come back by {day}.', '{sender}'],
  },
  {
    to: 'client',
    subject: 'Question about invoice {invoice}',
    body: ['Hi {recipient},', 'Could you confirm whether invoice {invoice} includes the May retainer? Our records show a different total.'],
    reply: ['Hi {first}, good catch. The May retainer is included; I will send a corrected copy.', '{sender}'],
  },
  {
    to: 'friend',
    subject: 'Housewarming on {day}',
    body: ['Hi {recipient}!', 'We finally unpacked the last box. Come by on {day} from 6 for snacks and a tour.'],
    reply: ['Wouldn’t miss it! I will bring a plant.', '{sender}'],
  },
  {
    to: 'friend',
    subject: 'Trip ideas for {city}',
    body: ['Hey {recipient},', 'Thinking about {city} in the fall. Any neighborhoods or restaurants you would recommend?'],
    reply: ['Oh you will love it. Stay near the old town and book the food tour, I will send a list.', '{sender}'],
  },
  {
    to: 'colleague',
    subject: 'Notes from the {project} retro',
    body: ['Hi {recipient},', 'Sharing my notes from the {project} retro. Biggest themes: clearer handoffs and fewer meetings on Fridays.'],
    reply: ['Thanks for writing these up, {first}. Agree on the handoffs.', '{sender}'],
  },
  {
    to: 'colleague',
    subject: 'Team lunch receipt',
    body: ['Hi {recipient},', 'Here is the receipt from Thursday’s team lunch ({amount}) for the expense report.'],
    reply: ['Got it, submitted. Thanks!', '{sender}'],
  },
  {
    to: 'client',
    subject: 'Kickoff recap and next steps',
    body: [
      'Hi {recipient},',
      'Thanks again for a productive kickoff. Next steps: we share wireframes by {day}, you confirm the content owners.',
    ],
    reply: ['Sounds good, {first}. Content owners are confirmed on our side.', '{sender}'],
  },
  {
    to: 'friend',
    subject: 'Photos from {city}',
    body: ['Hi {recipient},', 'Sending over the photos from our {city} trip. The sunset ones came out really well.'],
    reply: ['These are amazing! Framing the one from the bridge.', '{sender}'],
  },
];

export interface DraftTemplate {
  to: 'colleague' | 'client' | 'friend' | 'none';
  subject: string;
  body: string;
}

export const DRAFT_TEMPLATES: readonly DraftTemplate[] = [
  {
    to: 'colleague',
    subject: 'Vacation request for late July',
    body: 'Hi {recipient}, I would like to take the last week of July off. I will make sure',
  },
  { to: 'none', subject: 'Ideas for the {project} retro', body: 'A few things worth raising: onboarding docs, release checklist,' },
  { to: 'friend', subject: 'Thank-you note', body: 'Thank you so much for the lovely dinner on Saturday. We' },
  { to: 'client', subject: 'Revised scope for {project}', body: 'Hi {recipient}, following our call, the revised scope covers' },
];

/** The user labels a seed can have, each gathering one message category. */
export const LABEL_POOL: ReadonlyArray<{ name: string; category: Category; color: LabelColor }> = [
  { name: 'Work', category: 'work', color: 'blue' },
  { name: 'Clients', category: 'clients', color: 'purple' },
  { name: 'Finance', category: 'finance', color: 'green' },
  { name: 'Receipts', category: 'receipts', color: 'teal' },
  { name: 'Travel', category: 'travel', color: 'orange' },
  { name: 'Family', category: 'family', color: 'pink' },
  { name: 'Newsletters', category: 'newsletters', color: 'gray' },
  { name: 'Events', category: 'events', color: 'red' },
];
