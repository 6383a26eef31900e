import * as z from 'zod';

/** What a modality asks of the candidate; REF-2 describes E1, E2 and E3 in these terms. */
export const ModalityPartSchema = z.enum(['report', 'presentation', 'demo', 'questions', 'oral-exchange']); // REF-2

/** An evaluation modality (REF-2): E1 the "chef d'œuvre" project, E2 and E3 the practical cases. */
export const ModalitySchema = z.object({
  code: z.string().regex(/^E\d+$/, 'a modality code is E followed by a number'),
  name: z.string().min(1),
  parts: z.array(ModalityPartSchema).min(1),
});

/** A block of competencies: a partial certification of its own. */
export const BlockSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  partialCertificationCode: z.string().min(1),
  /** Every modality a pass of this block requires (RETAKE-2: A2 → E1 + E2). */
  modalities: z.array(z.string()).min(1),
});

/** A competency, its block and the modality or modalities through which the jury judges it. */
export const CompetencySchema = z.object({
  code: z.string().min(1),
  /** The official wording, when the source at hand gives it. */
  title: z.string().min(1).optional(),
  block: z.string().min(1),
  modalities: z.array(z.string()).min(1),
});

/** A written deliverable the candidate hands in for one modality, with its page range. */
export const DeliverableTypeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'a deliverable id is kebab-case'),
    /** The official name, as documents print it. */
    name: z.string().min(1),
    /** How messages refer to it, e.g. "project report". */
    label: z.string().min(1),
    modality: z.string().min(1),
    minPages: z.number().int().positive(),
    maxPages: z.number().int().positive(),
  })
  .refine((d) => d.minPages <= d.maxPages, { message: 'minPages must not exceed maxPages' });

/** One timed part of a candidate's oral (EXAM-1), tied to the modality that needs it. */
export const ExamSegmentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  minutes: z.number().int().positive(),
  modality: z.string().min(1),
});

/** The whole definition of one RNCP title (REF-1): the only place its specifics live. */
export const ReferentialSchema = z.object({
  rncpCode: z.string().regex(/^RNCP\d+$/, 'an RNCP code is RNCP followed by digits'),
  title: z.string().min(1),
  certifier: z.string().min(1),
  modalities: z.array(ModalitySchema).min(1),
  blocks: z.array(BlockSchema).min(1),
  competencies: z.array(CompetencySchema).min(1),
  deliverables: z.array(DeliverableTypeSchema).min(1),
  exam: z.object({
    segments: z.array(ExamSegmentSchema).min(1),
    /** Minutes the session plan allots to one candidate, deliberation included. */
    slotMinutes: z.number().int().positive(),
  }),
});

/** What a modality asks of the candidate. */
export type ModalityPart = z.infer<typeof ModalityPartSchema>;
/** An evaluation modality. */
export type Modality = z.infer<typeof ModalitySchema>;
/** A block of competencies. */
export type Block = z.infer<typeof BlockSchema>;
/** A competency of the referential. */
export type Competency = z.infer<typeof CompetencySchema>;
/** A kind of deliverable and its page range. */
export type DeliverableType = z.infer<typeof DeliverableTypeSchema>;
/** One timed part of the oral. */
export type ExamSegment = z.infer<typeof ExamSegmentSchema>;
/** A title's definition as written, before cross-references are checked. */
export type ReferentialDefinition = z.input<typeof ReferentialSchema>;
/** A title's definition that passed {@link ReferentialSchema} and the cross-reference checks. */
export type Referential = z.output<typeof ReferentialSchema>;
