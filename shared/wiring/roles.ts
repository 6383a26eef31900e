/**
 * The Cognito groups, one per role: session managers of a centre, jurors, candidates, the quality
 * committee, and the certifier, who alone habilitates jurors (JURY-2).
 */
export const ROLES = ['managers', 'jurors', 'candidates', 'quality', 'certifiers'] as const;

/** A user's role, as carried by the `cognito:groups` claim. */
export type Role = (typeof ROLES)[number];
