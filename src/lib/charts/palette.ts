/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. One colour per category id. */
export const CATEGORY_COLOURS: Record<string, string> = {
  political_security: '#0072B2',
  criminal: '#D55E00',
  social_evils: '#CC79A7',
  other: '#009E73',
  cluster_linkage: '#0072B2',
  self_defence: '#E69F00',
  clan_self_management: '#56B4E9',
  city_committee: '#0072B2',
  police_director: '#D55E00',
  fatherland_front: '#009E73',
  /** A total with no breakdown. */
  '': '#8a8a8a'
};

export const colourOf = (category: string) => CATEGORY_COLOURS[category] ?? '#8a8a8a';
