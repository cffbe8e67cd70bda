import type { PageTemplate } from './vocab-types.js';

export const SECURITY_PAGES: readonly PageTemplate[] = [
  {
    title: 'Security & IT',
    parent: null,
    tags: ['security'],
    body: `Policies, access and help with your equipment.

## Quick links
- [[Security Policies]]
- [[IT Help Desk]]
- [[Vendor Management]]

Security lead: {person}. Report a suspected incident in #security right away.`,
  },
  {
    title: 'Security Policies',
    parent: 'Security & IT',
    tags: ['security', 'compliance'],
    body: `The policies every employee agrees to on their first day.

## Policies
- [[Password and MFA Policy]]
- [[Data Retention Policy]]
- [[Access Reviews]]

## Training
Security training is **mandatory every year**. Completion this year: {n:82-97}%.`,
  },
  {
    title: 'Password and MFA Policy',
    parent: 'Security Policies',
    tags: ['security'],
    body: `## Passwords
- Use the company password manager for every account.
- At least **{n:14-16} characters**; passphrases are encouraged.
- Never reuse a work password anywhere else.

## Multi-factor authentication
1. MFA is required on email, code hosting and the cloud console.
2. Hardware keys are required for production access.

Lost a key? Contact {person}.`,
  },
  {
    title: 'Data Retention Policy',
    parent: 'Security Policies',
    tags: ['security', 'compliance'],
    body: `How long we keep data and how we delete it.

## Retention periods
- Customer data: for the contract plus **{n:30-90} days**.
- Application logs: 30 days.
- Financial records: 7 years.

## Deletion
Deletion requests are completed within 30 days and logged. Owner: {person}.`,
  },
  {
    title: 'Access Reviews',
    parent: 'Security Policies',
    tags: ['security', 'compliance'],
    body: `Every quarter, managers confirm who has access to what.

## Steps
1. The review opens on the first Monday of the quarter.
2. Managers approve or revoke each access in the review tool.
3. Revocations are applied within {n:2-5} working days.

Next review starts {date:15-45}. Coordinator: {person}.`,
  },
  {
    title: 'IT Help Desk',
    parent: 'Security & IT',
    tags: ['how-to'],
    body: `Need help with a laptop, account or tool?

## Get help
- Post in #it-help for quick questions.
- Open a ticket for anything that needs access changes.

## Guides
- [[Laptop Setup]]
- [[VPN Access]]

Average first response: **{n:20-60} minutes** during working hours.`,
  },
  {
    title: 'Laptop Setup',
    parent: 'IT Help Desk',
    tags: ['how-to', 'onboarding'],
    body: `Your laptop arrives enrolled in device management.

## First boot
1. Sign in with your company account.
2. Let the management profile install (about {n:10-25} minutes).
3. Turn on disk encryption when prompted.

## Install
- Password manager
- Chat and video apps
- Developer tools, if you are an engineer (see [[Local Development Setup]])`,
  },
  {
    title: 'VPN Access',
    parent: 'IT Help Desk',
    tags: ['how-to', 'security'],
    body: `The VPN is only needed for internal admin tools.

## Setup
1. Install the VPN client from the self-service portal.
2. Sign in with your company account and hardware key.
3. Connect to the nearest region.

## Troubleshooting
If the connection drops more than {n:3-5} times a day, post in #it-help and mention {person}.`,
  },
  {
    title: 'Vendor Management',
    parent: 'Security & IT',
    tags: ['compliance'],
    body: `Before buying a new tool, it goes through a security and legal review.

## Process
1. Submit the request with the business need and cost.
2. Security reviews the vendor's controls.
3. Legal reviews the contract.

The review takes about **{n:5-12} working days**. Approved tools are listed in [[Approved Vendors]].`,
  },
  {
    title: 'Approved Vendors',
    parent: 'Vendor Management',
    tags: ['compliance'],
    body: `Tools already approved for company data.

## Approved
- Password manager
- Video conferencing
- Design tool
- Error tracking

## Under review
- A new survey tool, requested by {person}

Renewals for {n:4-9} contracts are due this quarter.`,
  },
];
