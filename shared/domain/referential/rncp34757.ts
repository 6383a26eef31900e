import type { ReferentialDefinition } from './schema';

const E1 = 'E1';

/**
 * RNCP34757 "Développeur·se en intelligence artificielle" (Simplon), as its "mode d'emploi"
 * states it: 4 blocks, 18 competencies, E1 for every competency except C8 and C14 (judged on
 * practical case 1, E2) and C17 (judged on practical case 2, E3): see the FAQ Q35 example,
 * "C16 et C18 dans la modalité E1 et la compétence C17 dans la modalité E3".
 */
export const RNCP34757: ReferentialDefinition = {
  rncpCode: 'RNCP34757',
  title: 'Développeur·se en intelligence artificielle',
  certifier: 'Simplon',
  modalities: [
    // REF-2
    { code: 'E1', name: "Projet chef d'œuvre", parts: ['report', 'presentation', 'demo', 'questions'] },
    { code: 'E2', name: 'Cas pratique 1 : améliorer une IA existante', parts: ['report', 'oral-exchange'] },
    { code: 'E3', name: 'Cas pratique 2 : veille technologique', parts: ['report'] },
  ],
  blocks: [
    { code: 'A1', title: "Développer la gestion des données analytiques d'un projet d'application", partialCertificationCode: 'RNCP34757BC01', modalities: [E1] },
    { code: 'A2', title: "Développer un programme d'intelligence artificielle", partialCertificationCode: 'RNCP34757BC02', modalities: [E1, 'E2'] },
    { code: 'A3', title: "Développer une application d'intelligence artificielle", partialCertificationCode: 'RNCP34757BC03', modalities: [E1, 'E2'] },
    { code: 'A4', title: "Gérer un projet de développement d'application", partialCertificationCode: 'RNCP34757BC04', modalities: [E1, 'E3'] },
  ],
  competencies: [
    { code: 'C1', block: 'A1', modalities: [E1] },
    { code: 'C2', block: 'A1', modalities: [E1] },
    { code: 'C3', block: 'A1', modalities: [E1] },
    { code: 'C4', block: 'A2', modalities: [E1] },
    { code: 'C5', block: 'A2', modalities: [E1] },
    { code: 'C6', block: 'A2', modalities: [E1] },
    { code: 'C7', block: 'A2', modalities: [E1] },
    {
      code: 'C8',
      block: 'A2',
      title:
        "Modifier les paramètres et composants de l'intelligence artificielle afin d'ajuster aux objectifs du projet les capacités fonctionnelles de l'algorithme à l'aide de techniques d'optimisation",
      modalities: ['E2'],
    },
    { code: 'C9', block: 'A3', modalities: [E1] },
    { code: 'C10', block: 'A3', modalities: [E1] },
    { code: 'C11', block: 'A3', modalities: [E1] },
    { code: 'C12', block: 'A3', modalities: [E1] },
    { code: 'C13', block: 'A3', modalities: [E1] },
    {
      code: 'C14',
      block: 'A3',
      title:
        "Améliorer l'application d'intelligence artificielle en développant une évolution fonctionnelle pour répondre à un besoin exprimé par un client ou un utilisateur",
      modalities: ['E2'],
    },
    { code: 'C15', block: 'A3', modalities: [E1] },
    { code: 'C16', block: 'A4', modalities: [E1] },
    {
      code: 'C17',
      block: 'A4',
      title:
        "Concevoir un système de veille technologique permettant de collecter, classifier et analyser l'information afin d'améliorer la prise de décisions techniques",
      modalities: ['E3'],
    },
    { code: 'C18', block: 'A4', modalities: [E1] },
  ],
  deliverables: [
    { id: 'project-report', name: "Rapport du projet chef d'œuvre", label: 'project report', modality: 'E1', minPages: 20, maxPages: 30 },
    { id: 'practical-case-1-report', name: 'Rapport du cas pratique 1', label: 'practical case 1 report', modality: 'E2', minPages: 5, maxPages: 10 },
    { id: 'practical-case-2-report', name: 'Rapport du cas pratique 2', label: 'practical case 2 report', modality: 'E3', minPages: 2, maxPages: 5 },
  ],
  exam: {
    segments: [
      { id: 'presentation', name: 'Présentation du projet, démonstration incluse', minutes: 30, modality: 'E1' },
      { id: 'questions', name: 'Questions et échange avec le jury sur le projet', minutes: 30, modality: 'E1' },
      { id: 'practical-case-1-exchange', name: 'Échange avec le jury sur le cas pratique E2', minutes: 5, modality: 'E2' },
    ],
    slotMinutes: 95,
  },
};
