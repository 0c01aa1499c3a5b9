// The demo workspace's content: a skincare brand's ambassador program and the people in its pipeline.
// Everything varying (followers, handles, tags) comes from a fixed-seed PRNG, so every demo is the same.
import type { Stage } from '../../../core/pipeline/stages';
import type { ProgramInput } from '../../modules/programs/programs.contract';

export const demoUser = {
  name: 'Maya Reyes',
  email: 'demo@troupe.local',
  password: 'troupe-demo-2026',
} as const;
export const demoWorkspaceName = 'Glow & Co.';
/** The active ambassador whose portal the demo lets you try (the sign-in link lands in the Outbox). */
export const demoAmbassadorEmail = 'ambassador@example.com';

export const demoProgram: ProgramInput = {
  name: 'Glow Circle Ambassadors',
  objective: 'sales',
  status: 'active',
  why:
    'Our best customers already post their routines and answer their followers’ skincare questions. Glow Circle ' +
    'turns that word of mouth into a small, selective team of creators with sensitive-skin audiences that look ' +
    'like our customers: real results shown over months, not one-off ads, measured in sales rather than likes.',
  kpiTargets: {
    business: [
      { metric: 'Revenue from ambassador links and codes', target: 60000, unit: 'USD' },
      { metric: 'New customers from ambassadors', target: 900, unit: 'customers' },
      { metric: 'Discount code redemptions', target: 1500, unit: 'orders' },
    ],
    marketing: [
      { metric: 'Click-through rate on ambassador links', target: 2.5, unit: '%' },
      { metric: 'Repeat purchase rate of referred customers', target: 30, unit: '%' },
    ],
    content: [
      { metric: 'Approved posts', target: 400, unit: 'posts' },
      { metric: 'Assets licensed for paid social', target: 60, unit: 'assets' },
      { metric: 'Average engagement rate', target: 4, unit: '%' },
    ],
  },
  budgetMinor: 4_800_000,
  currency: 'USD',
  persona: {
    countries: ['US', 'CA', 'GB', 'IE', 'AU'],
    ageBands: ['18-24', '25-34', '35-44'],
    niches: ['skincare', 'sensitive skin', 'clean beauty', 'wellness'],
    followerMin: 1000,
    followerMax: 100000,
    minEngagementRate: 2.5,
    platforms: ['instagram', 'tiktok', 'youtube'],
  },
  capacity: 20,
  tiers: [
    {
      name: 'Nano',
      description: 'Product, a 15% commission and early access to launches.',
      followerMin: 1000,
      followerMax: 10000,
    },
    {
      name: 'Micro',
      description: 'A monthly fee, product and a 15% commission.',
      followerMin: 10000,
      followerMax: 50000,
    },
    {
      name: 'Rising',
      description: 'A higher fee, paid usage rights and a 20% commission.',
      followerMin: 50000,
      followerMax: 100000,
    },
  ],
  cadence: [
    { format: 'feed', perMonth: 2 },
    { format: 'story', perMonth: 4 },
  ],
  exclusivityDays: 30,
  competitors: ['Lumière Skin', 'DewDrop Labs', 'Pure Ritual'],
  defaultUsageRights: { channels: ['organic_social', 'paid_social', 'email', 'website'], durationDays: 365 },
};

/** How someone entered the pipeline: found by the brand and invited, or applied on the public page. */
export type Route = 'outreach' | 'application';

export interface DemoPerson {
  name: string;
  country: string;
  stage: Stage;
  route: Route;
  email?: string;
  /** The reason for the last move, when the default ones would not fit this person. */
  because?: string;
}

/** Forty people; the stage each ends in fills every column of the board and leaves 3 of 20 seats open. */
export const demoPeople: DemoPerson[] = [
  { name: 'Amara Okafor', country: 'GB', stage: 'active', route: 'outreach', email: demoAmbassadorEmail },
  { name: 'Sofia Martínez', country: 'US', stage: 'active', route: 'application' },
  { name: 'Priya Raman', country: 'GB', stage: 'active', route: 'outreach' },
  { name: 'Chloé Dubois', country: 'CA', stage: 'active', route: 'application' },
  { name: 'Hannah Schmidt', country: 'IE', stage: 'active', route: 'outreach' },
  { name: 'Mei Lin Tan', country: 'AU', stage: 'active', route: 'application' },
  { name: 'Jasmine Carter', country: 'US', stage: 'active', route: 'outreach' },
  { name: 'Liam O’Connor', country: 'IE', stage: 'active', route: 'application' },
  { name: 'Aisha Rahman', country: 'GB', stage: 'active', route: 'outreach' },
  { name: 'Noah Williams', country: 'AU', stage: 'active', route: 'application' },
  { name: 'Isabella Rossi', country: 'US', stage: 'active', route: 'application' },
  { name: 'Kenji Watanabe', country: 'CA', stage: 'paused', route: 'outreach' },
  { name: 'Zara Ahmed', country: 'GB', stage: 'paused', route: 'application' },
  { name: 'Emily Nguyen', country: 'US', stage: 'onboarding', route: 'outreach' },
  { name: 'Olivia Brown', country: 'AU', stage: 'onboarding', route: 'application' },
  { name: 'Fatima Haddad', country: 'CA', stage: 'accepted', route: 'application' },
  { name: 'Grace Kim', country: 'US', stage: 'accepted', route: 'outreach' },
  { name: 'Ava Thompson', country: 'US', stage: 'offboarded', route: 'application' },
  { name: 'Nia Mensah', country: 'GB', stage: 'offboarded', route: 'outreach' },
  { name: 'Maya Patel', country: 'US', stage: 'in_review', route: 'application' },
  { name: 'Elena Popescu', country: 'IE', stage: 'in_review', route: 'application' },
  { name: 'Ruby Walsh', country: 'AU', stage: 'in_review', route: 'outreach' },
  { name: 'Tomás Herrera', country: 'US', stage: 'in_review', route: 'application' },
  { name: 'Leila Karimi', country: 'CA', stage: 'applied', route: 'application' },
  { name: 'Harper Jones', country: 'US', stage: 'applied', route: 'application' },
  { name: 'Freya Andersen', country: 'GB', stage: 'applied', route: 'application' },
  { name: 'Camille Laurent', country: 'CA', stage: 'applied', route: 'outreach' },
  { name: 'Yasmin Osei', country: 'GB', stage: 'waitlisted', route: 'application' },
  { name: 'Sienna Clarke', country: 'AU', stage: 'waitlisted', route: 'application' },
  {
    name: 'Lucas Silva',
    country: 'BR',
    stage: 'declined',
    route: 'application',
    because: 'Most of the audience is in Brazil, outside the countries we ship to',
  },
  {
    name: 'Ananya Iyer',
    country: 'IN',
    stage: 'declined',
    route: 'application',
    because: 'Audience mostly in India, outside the countries we ship to',
  },
  { name: 'Marcus Johnson', country: 'US', stage: 'declined', route: 'outreach' },
  { name: 'Ingrid Larsen', country: 'US', stage: 'invited', route: 'outreach' },
  { name: 'Keisha Brown', country: 'US', stage: 'invited', route: 'outreach' },
  { name: 'Lara Novak', country: 'IE', stage: 'invited', route: 'outreach' },
  { name: 'Daniela Costa', country: 'US', stage: 'prospect', route: 'outreach' },
  { name: 'Hana Sato', country: 'AU', stage: 'prospect', route: 'outreach' },
  { name: 'Ethan Park', country: 'CA', stage: 'prospect', route: 'outreach' },
  { name: 'Bianca Ferreira', country: 'GB', stage: 'prospect', route: 'outreach' },
  { name: 'Rosa Delgado', country: 'US', stage: 'prospect', route: 'outreach' },
];

export const demoTags = [
  'skincare',
  'sensitive skin',
  'acne journey',
  'clean beauty',
  'skincare over 30',
  'budget beauty',
  'wellness',
  'parenting',
  'sustainability',
  'makeup',
  'spf',
  'routine videos',
  'customer',
] as const;

export const demoNotes = [
  'Customer since 2023; reordered the Barrier Serum four times.',
  'Tagged us in a morning-routine video without being asked.',
  'Writes long, honest captions; comments read like real conversations.',
  'Found through the #sensitiveskin hashtag research.',
  'Referred by another ambassador.',
  'Asked about wholesale for her studio; prefers email.',
  '',
  '',
] as const;

/** A short reason for each kind of move, chosen by the person's index so the board reads naturally. */
export const demoReasons: Record<string, readonly string[]> = {
  'prospect>invited': [
    'Sent the Glow Circle invitation after her routine post featured our Barrier Serum',
    'Invited from the customer list: loyal buyer with an engaged audience',
    'Invited after a thoughtful reply to our SPF thread',
  ],
  'invited>applied': ['Filled in the application form', 'Applied two days after the invitation'],
  'applied>in_review': [
    'Audience check: most followers in our shipping countries',
    'Reviewing the last 90 days of posts',
    'Committee review scheduled',
  ],
  'in_review>accepted': [
    'Strong audience fit and consistent posting over the last 90 days',
    'Committee vote 3–0; authentic sensitive-skin content',
    'Great comment quality and no competing skincare deals',
  ],
  'accepted>onboarding': [
    'Signed the ambassador agreement; welcome kit shipped',
    'Agreement signed; kick-off call booked',
  ],
  'onboarding>active': [
    'Onboarding done: brief read, link and code set up',
    'First post approved; fully onboarded',
  ],
  'active>paused': [
    'Taking a break during exam season; back in two months',
    'On parental leave until the autumn',
  ],
  'active>offboarded': [
    'Signed an exclusive deal with a competing skincare brand',
    'No posts for three months; ended the partnership on good terms',
  ],
  'in_review>declined': [
    'Most of the audience is outside the countries we ship to',
    'Engagement looks inflated: many generic comments',
    'Recently promoted a competitor within the exclusivity window',
  ],
  'invited>declined': ['Declined the invitation: fully booked this season'],
  'in_review>waitlisted': [
    'Great fit; waiting for a seat in the next cohort',
    'Strong applicant; waitlisted until a Micro seat opens',
  ],
};

/** The stages someone walks through to reach `stage` from their entry stage; legal under core/pipeline. */
export function demoPath(person: DemoPerson): { entry: 'prospect' | 'invited' | 'applied'; steps: Stage[] } {
  const reviewed: Stage[] = ['in_review'];
  const seated: Stage[] = [...reviewed, 'accepted'];
  const byStage: Record<Stage, Stage[]> = {
    prospect: [],
    invited: [],
    applied: [],
    in_review: reviewed,
    accepted: seated,
    onboarding: [...seated, 'onboarding'],
    active: [...seated, 'onboarding', 'active'],
    paused: [...seated, 'onboarding', 'active', 'paused'],
    offboarded: [...seated, 'onboarding', 'active', 'offboarded'],
    declined: [...reviewed, 'declined'],
    waitlisted: [...reviewed, 'waitlisted'],
  };
  if (person.stage === 'prospect') return { entry: 'prospect', steps: [] };
  if (person.stage === 'invited') return { entry: 'prospect', steps: ['invited'] };
  // Someone we invited who said no never applied.
  if (person.stage === 'declined' && person.route === 'outreach')
    return { entry: 'prospect', steps: ['invited', 'declined'] };
  const steps = byStage[person.stage];
  return person.route === 'outreach'
    ? { entry: 'prospect', steps: ['invited', 'applied', ...steps] }
    : { entry: 'applied', steps };
}
