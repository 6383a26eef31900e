/** The Cognito groups, one per role. */
export const ROLES = ['managers', 'jurors', 'candidates', 'quality'] as const;

/** A user's role, as carried by the `cognito:groups` claim. */
export type Role = (typeof ROLES)[number];
