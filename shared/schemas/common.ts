import { z } from 'zod';

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.iso.date('a calendar date, YYYY-MM-DD');

/** A generated identifier (UUID). */
export const id = (what: string) => z.string().uuid(`a ${what} id`);

/** A person's name part. */
export const namePart = z.string().trim().min(1, 'required, 1 to 100 characters').max(100, 'at most 100 characters');

/** An e-mail address. */
export const email = z.email('an e-mail address').max(254);
