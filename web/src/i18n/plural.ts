/** The English word for `n` things: `one` for 1, `many` otherwise. */
export const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** The French word for `n` things: French counts 0 and 1 in the singular. */
export const pluriel = (n: number, one: string, many: string): string => (n < 2 ? one : many);
