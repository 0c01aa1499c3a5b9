// A starting rubric from the recruitment criteria of seeds 000 and 001: audience alignment over follower
// count, content quality over the last 90 days, brand fit, authentic engagement, and professionalism.

export const suggestedRubric = [
  {
    id: 'audience_fit',
    label: 'Audience fit',
    description: 'Their audience (location, age, interests) matches the customers this program is for.',
    weight: 3,
  },
  {
    id: 'content_quality',
    label: 'Content quality',
    description:
      'Quality and consistency of their content over the last 90 days, not just the last few posts.',
    weight: 2,
  },
  {
    id: 'brand_alignment',
    label: 'Brand alignment',
    description: 'They already live the brand’s “why”; no conflicting brand relationships.',
    weight: 2,
  },
  {
    id: 'engagement_authenticity',
    label: 'Engagement authenticity',
    description: 'Substantive comments and real followers, not generic praise, pods or bought reach.',
    weight: 2,
  },
  {
    id: 'professionalism',
    label: 'Professionalism',
    description: 'Responsive, reliable and respectful in their application and outreach replies.',
    weight: 1,
  },
] as const;
