import type { PageTemplate } from './vocab-types.js';

export const PEOPLE_PAGES: readonly PageTemplate[] = [
  {
    title: 'People & Culture',
    parent: null,
    tags: ['policy'],
    body: `Everything about working at Northwind: policies, benefits, hiring and growth.

## Popular pages
- [[Employee Handbook]]
- [[Benefits]]
- [[New Hire Checklist]]

Questions? Your People Partner is {person}.`,
  },
  {
    title: 'Employee Handbook',
    parent: 'People & Culture',
    tags: ['policy'],
    body: `The rules and norms that apply to everyone.

## Policies
- [[Code of Conduct]]
- [[Remote Work Policy]]
- [[Travel and Expenses]]

## Working hours
Core hours are **10:00 to 15:00** in your local time zone. Outside them, async is the default.

The handbook is reviewed every year by {person}.`,
  },
  {
    title: 'Code of Conduct',
    parent: 'Employee Handbook',
    tags: ['policy'],
    body: `We expect everyone to be **respectful, honest and inclusive**.

## Expected behavior
- Assume good intent and ask before judging.
- Give feedback on work, not on people.

## Not tolerated
- Harassment or discrimination of any kind.
- Retaliation against someone who raises a concern.

## Reporting
Report concerns to {person} or anonymously through the ethics line. Every report is answered within {n:2-5} working days.`,
  },
  {
    title: 'Remote Work Policy',
    parent: 'Employee Handbook',
    tags: ['policy'],
    body: `Northwind is remote-first with hubs in Lisbon and Toronto.

## Where you can work
- From any country where we have an entity.
- Up to **{n:30-60} days** a year from another country, with approval.

## Equipment
You get a home office budget of €{n:800-1500} in your first year.

## Meeting norms
Cameras optional; agendas required. See [[Travel and Expenses]] for hub visits.`,
  },
  {
    title: 'Travel and Expenses',
    parent: 'Employee Handbook',
    tags: ['policy'],
    body: `How to book travel and get reimbursed.

## Booking
1. Book through the travel tool at least **14 days** ahead when possible.
2. Economy class for flights under 6 hours.
3. Hotels up to €{n:150-220} a night.

## Expenses
- Submit receipts within 30 days.
- Meals are covered up to €{n:45-70} a day while traveling.

Finance contact: {person}.`,
  },
  {
    title: 'Benefits',
    parent: 'People & Culture',
    tags: ['benefits'],
    body: `An overview of what we offer. Details depend on your country.

## Highlights
- [[Health Insurance]] for you and your family
- [[Parental Leave]] of up to 20 weeks
- [[Learning Budget]] every year
- **{n:25-30} days** of paid time off plus public holidays

Benefits questions go to {person}.`,
  },
  {
    title: 'Health Insurance',
    parent: 'Benefits',
    tags: ['benefits'],
    body: `Private health insurance starts on your first day.

## Coverage
- Doctors, specialists and hospital stays
- Dental and vision in most countries
- Mental health: **{n:10-16} therapy sessions** a year

## Enrolling
1. You receive an invite from the provider in your first week.
2. Add dependents within 30 days.

Open enrollment closes on {date:20-60}.`,
  },
  {
    title: 'Parental Leave',
    parent: 'Benefits',
    tags: ['benefits', 'policy'],
    body: `All parents get **20 weeks of fully paid leave**, regardless of gender or how they became a parent.

## Planning
1. Tell your manager and {person} at least 8 weeks ahead if you can.
2. Agree on a handover plan.
3. Take the leave in up to {n:2-3} blocks within the first year.

## Returning
The first two weeks back are at 60% time with full pay.`,
  },
  {
    title: 'Learning Budget',
    parent: 'Benefits',
    tags: ['benefits'],
    body: `Everyone gets **€{n:1000-2000} a year** for books, courses and conferences.

## What counts
- Courses and certifications
- Conference tickets and travel
- Books and subscriptions

## How to claim
Submit the receipt with a one-line note on what you learned. Approvals by {person} usually take {n:1-3} days.`,
  },
  {
    title: 'Hiring',
    parent: 'People & Culture',
    tags: ['hiring'],
    body: `How we find and hire great people.

## Guides
- [[Interview Process]]
- [[Interview Scorecard]]
- [[Referral Program]]

## Open roles
We have **{n:6-14} open roles** this quarter. The hiring plan is owned by {person}.`,
  },
  {
    title: 'Interview Process',
    parent: 'Hiring',
    tags: ['hiring'],
    body: `Our standard loop takes about **{n:2-4} weeks** from first call to offer.

## Stages
1. Recruiter call (30 minutes)
2. Hiring manager interview
3. Skills interview or take-home exercise
4. Team interview focused on collaboration
5. Debrief and decision within 48 hours

Interviewers complete the [[Interview Scorecard]] before the debrief.`,
  },
  {
    title: 'Interview Scorecard',
    parent: 'Hiring',
    tags: ['hiring'],
    body: `Use the scorecard for every interview. Submit it **before** talking to other interviewers.

## Ratings
- **4 — Strong yes**: clear evidence above the bar
- **3 — Yes**: meets the bar
- **2 — No**: some concerns
- **1 — Strong no**: clear evidence below the bar

## Write-up
Quote what the candidate said or did. Avoid "culture fit"; describe behavior. Questions: {person}.`,
  },
  {
    title: 'Referral Program',
    parent: 'Hiring',
    tags: ['hiring'],
    body: `Know someone great? Refer them.

## Bonus
- €{n:1500-3000} after the new hire completes three months.
- Referrals for hard-to-fill roles get a 50% bonus on top.

## How
Submit the referral in the hiring tool with a short note on how you know them. {person} follows up within a week.`,
  },
  {
    title: 'New Hire Checklist',
    parent: 'People & Culture',
    tags: ['onboarding'],
    body: `For managers preparing a new teammate's first week.

## Before day one
- Order a laptop (see [[Laptop Setup]]).
- Assign an onboarding buddy.
- Add them to team channels and calendars.

## First week
1. Welcome call with {person}.
2. Benefits enrollment; see [[Benefits]].
3. First one-on-one with the manager.

Engineers also follow [[Engineering Onboarding]].`,
  },
  {
    title: 'Performance Reviews',
    parent: 'People & Culture',
    tags: ['policy'],
    body: `We run reviews **twice a year**, in June and December.

## Inputs
- Self review
- Feedback from {n:2-4} peers
- Manager assessment

## Principles
Reviews focus on impact and growth. No surprises: concerns should already have come up in one-on-ones.

Timeline details: [[Review Cycle Timeline]].`,
  },
  {
    title: 'Review Cycle Timeline',
    parent: 'Performance Reviews',
    tags: ['policy'],
    body: `Dates for the current cycle.

## Schedule
1. Self reviews due {date:2-6}
2. Peer feedback due {date:8-12}
3. Calibration sessions the week after
4. Conversations with your manager by {date:25-35}

Calibration is facilitated by {person}.`,
  },
];
