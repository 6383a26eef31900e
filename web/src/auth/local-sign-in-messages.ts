import { messages } from '../i18n/i18n';

/** The development sign-in's words (local only: the deployed build leaves them out). */
export const LOCAL_SIGN_IN = messages({
  fr: {
    localTitle: 'Connexion de développement',
    localWarning: 'Environnement local uniquement : cette page signe un jeton avec l\'émetteur local. Elle n\'existe pas dans l\'application déployée.',
    demoPeople: 'Personnes de la démonstration',
    noDemo: 'Aucune démonstration n\'a été créée (démarrage avec --empty). Choisissez un rôle ci-dessous.',
    peopleUnreadable: 'La liste des personnes de la démonstration n\'a pas pu être lue ; vérifiez que npm start tourne toujours, puis rechargez la page.',
    signInAs: (name: string) => `Se connecter en tant que ${name}`,
    custom: 'Autre identité',
    role: 'Rôle',
    sub: 'Identifiant (sub)',
    centre: 'Centre (pour un·e responsable de session)',
    submit: 'Se connecter',
  },
  en: {
    localTitle: 'Development sign-in',
    localWarning: 'Local environment only: this page signs a token with the local issuer. It does not exist in the deployed app.',
    demoPeople: 'People of the demo',
    noDemo: 'No demo was seeded (started with --empty). Choose a role below.',
    peopleUnreadable: 'The demo\'s people could not be read; check that npm start is still running, then reload the page.',
    signInAs: (name: string) => `Sign in as ${name}`,
    custom: 'Another identity',
    role: 'Role',
    sub: 'Identifier (sub)',
    centre: 'Centre (for a session manager)',
    submit: 'Sign in',
  },
});
