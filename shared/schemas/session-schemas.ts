import { z } from 'zod';

/** Body of `POST /sessions`. */
export const createSessionBody = z.strictObject({
  titleCode: z.string().regex(/^RNCP\d{5}$/, 'an RNCP code such as RNCP34757'),
  sessionDate: z.iso.date('a calendar date, YYYY-MM-DD'),
  address: z.string().trim().min(5, 'the organising centre address, 5 to 300 characters').max(300),
  remote: z.boolean().default(false),
});

/** A validated `POST /sessions` body. */
export type CreateSessionInput = z.infer<typeof createSessionBody>;

/** Path parameters of `/sessions/{sessionId}`. */
export const sessionPath = z.object({
  sessionId: z.string().uuid('a session id'),
});
